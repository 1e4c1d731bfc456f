using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Serialization;
using Orleans;
using Dispatch.Testing;
using Dispatch.Testing.Hosting;
using Dispatch.Silo;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real silo (API, live hub, dashboard; see <see cref="TestSiloApp"/>) on Kestrel on a loopback port: the small test
/// city on a fresh SQLite file, a fake clock, dev tokens on (so the sign-in page offers demo identities); deadlines fire
/// when a test moves the clock.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    /// <summary>Monday 2026-11-23 09:00 in Asia/Shanghai: a working morning.</summary>
    public static readonly Instant MondayMorning = TestSiloApp.MondayMorning;

    public static string CityFile => TestSiloApp.CityFile;

    public static JsonSerializerOptions Json { get; } = DispatchJson.CreateOptions();

    private DashboardHost(TestSiloApp silo)
    {
        Silo = silo;
        Http = new HttpClient { BaseAddress = silo.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public TestSiloApp Silo { get; }
    public WebApplication App => Silo.App;
    public IClock Clock => Silo.Clock;
    public Uri Address => Silo.Address;
    public HttpClient Http { get; }
    public IGrainFactory Grains => Silo.Grains;

    public static Task<DashboardHost> StartAsync() => StartAsync(TestDatabases.NewSqliteFile());

    /// <summary>A silo on the SQLite file <paramref name="database"/>; on <paramref name="address"/> when given (a restart).</summary>
    public static async Task<DashboardHost> StartAsync(string database, Uri? address = null) => new(await TestSiloApp.StartAsync(
    [
        "--Storage:Provider=sqlite",
        $"--Storage:ConnectionString={database}",
        "--Auth:DevTokens=true",
        .. address is null ? Array.Empty<string>() : [$"--urls={address.GetLeftPart(UriPartial.Authority)}"],
    ]));

    /// <summary>A client with a dev token for the principal.</summary>
    public async Task<HttpClient> ClientAsync(string role, string? scope = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role, scope));
        return client;
    }

    public async Task<string> TokenAsync(string role, string? scope = null)
    {
        using var response = await Http.PostAsJsonAsync("/api/v1/auth/dev-token", new { role, scope });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Reports a case through the API as the township's commissioner.</summary>
    public async Task<CaseView> ReportAsync(string township, string grid, string summary, string category = "neighbourDispute")
    {
        using var commissioner = await ClientAsync(Actor.Commissioner, township);
        using var response = await commissioner.PostAsJsonAsync("/api/v1/cases", new { gridId = grid, category, summary, source = "window" }, Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"reporting a case failed: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<CaseView>(text, Json)!;
    }

    /// <summary>Moves the clock and waits until every deadline now due has been acted on.</summary>
    public Task AdvanceAsync(Duration by) => Silo.AdvanceAsync(by);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
    }
}
