using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Grains.Interfaces;
using Dispatch.Runtime;
using Dispatch.Runtime.Core;
using Dispatch.Runtime.Testing;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>
/// The real silo (DispatchSiloApp) on Kestrel on a loopback port, spoken to over TCP with HttpClient: the small test
/// city, a manual clock, dev tokens on, the reminder loop off (tests fire reminders after moving the clock).
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    /// <summary>Monday 2026-11-23 09:00 in Asia/Shanghai: a working morning.</summary>
    public static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 23, 1, 0);

    /// <summary>The signing key of every test host (base64 of 32 bytes), so tests can forge and check tokens.</summary>
    public const string SigningKey = "ZGlzcGF0Y2gtdGVzdC1zaWduaW5nLWtleS0zMi1ieXRlcyE=";

    public static string CityFile { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "city-test.json");

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    private SiloHost(WebApplication app, ManualClock clock, Uri address)
    {
        App = app;
        Clock = clock;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }
    public ManualClock Clock { get; }
    public Uri Address { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Http { get; }

    public GrainRuntime Runtime => App.Services.GetRequiredService<GrainRuntime>();

    public static JsonSerializerOptions Json { get; } = DispatchJson.CreateOptions();

    /// <summary>
    /// Starts a silo on <paramref name="storage"/> ("--Storage:..." settings) with the test city; <paramref name="extra"/>
    /// adds or overrides settings ("--Key=value").
    /// </summary>
    public static async Task<SiloHost> StartAsync(IEnumerable<string> storage, params string[] extra)
    {
        var clock = new ManualClock(MondayMorning);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--City:File={CityFile}",
            "--Auth:DevTokens=true",
            $"--Auth:SigningKey={SigningKey}",
            "--Silo:RunReminderLoop=false",
            "--Silo:CollectionInterval=00:00:00",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Dispatch.Silo.Errors=Critical",
            .. storage,
            .. extra,
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
        return new SiloHost(app, clock, new Uri(address));
    }

    public static Task<SiloHost> StartSqliteAsync(params string[] extra) =>
        StartAsync(["--Storage:Provider=sqlite", $"--Storage:ConnectionString={TestDatabases.NewSqliteFile()}"], extra);

    public static async Task<SiloHost> StartPostgresAsync(params string[] extra) =>
        await StartAsync(["--Storage:Provider=postgres", $"--Storage:ConnectionString={await TestDatabases.NewPostgresDatabaseAsync()}"], extra);

    /// <summary>A dev token for the principal (cached per role and scope).</summary>
    public async Task<string> TokenAsync(string role, string? scope = null)
    {
        var key = $"{role}|{scope}";
        lock (_tokens)
        {
            if (_tokens.TryGetValue(key, out var cached))
                return cached;
        }
        using var response = await Http.PostAsJsonAsync("/api/v1/auth/dev-token", new { role, scope });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        lock (_tokens)
            _tokens[key] = token;
        return token;
    }

    /// <summary>A client that sends the principal's dev token.</summary>
    public async Task<HttpClient> ClientAsync(string role, string? scope = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role, scope));
        return client;
    }

    /// <summary>Waits until the case's copies to center lists and department inboxes are delivered.</summary>
    public async Task DeliverAsync(string caseId)
    {
        var left = await Runtime.GetGrain<ICaseGrain>(caseId).DeliverOutbox();
        Assert.True(left == 0, $"case {caseId} still has {left} undelivered copies");
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
