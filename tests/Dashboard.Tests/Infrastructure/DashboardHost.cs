using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Runtime;
using Dispatch.Runtime.Core;
using Dispatch.Runtime.Testing;
using Dispatch.Silo;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real silo (API, live hub, dashboard) on Kestrel on a loopback port: the small test city on a fresh SQLite file,
/// a manual clock, dev tokens on (so the sign-in page offers demo identities), the reminder loop off (tests move the
/// clock and fire due reminders themselves).
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    /// <summary>Monday 2026-11-23 09:00 in Asia/Shanghai: a working morning.</summary>
    public static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 23, 1, 0);

    public static string CityFile { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "city-test.json");

    public static JsonSerializerOptions Json { get; } = DispatchJson.CreateOptions();

    private DashboardHost(WebApplication app, ManualClock clock, Uri address)
    {
        App = app;
        Clock = clock;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }
    public ManualClock Clock { get; }
    public Uri Address { get; }
    public HttpClient Http { get; }

    public GrainRuntime Runtime => App.Services.GetRequiredService<GrainRuntime>();

    public static async Task<DashboardHost> StartAsync()
    {
        var clock = new ManualClock(MondayMorning);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--City:File={CityFile}",
            "--Storage:Provider=sqlite",
            $"--Storage:ConnectionString={TestDatabases.NewSqliteFile()}",
            "--Auth:DevTokens=true",
            "--Silo:RunReminderLoop=false",
            "--Silo:CollectionInterval=00:00:00",
            "--Logging:LogLevel:Default=Warning",
        ];
        var app = DispatchSiloApp.Build(args, builder =>
        {
            builder.Services.AddSingleton<IClock>(clock);
            builder.Logging.ClearProviders();
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = StartupBanner.Addresses(app).First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new DashboardHost(app, clock, new Uri(address));
    }

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

    /// <summary>Moves the clock and delivers every reminder now due.</summary>
    public async Task AdvanceAsync(Duration by)
    {
        Clock.Advance(by);
        await Runtime.Reminders.FireDueAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
