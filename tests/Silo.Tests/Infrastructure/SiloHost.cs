using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Serialization;
using Orleans;
using Dispatch.Testing;
using Dispatch.Testing.Hosting;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>
/// The real silo (DispatchSiloApp) on Kestrel on a loopback port (see <see cref="TestSiloApp"/>), spoken to over TCP with
/// HttpClient: the small test city, a fake clock, dev tokens on; deadlines fire when a test moves the clock.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    /// <summary>Monday 2026-11-23 09:00 in Asia/Shanghai: a working morning.</summary>
    public static readonly Instant MondayMorning = TestSiloApp.MondayMorning;

    /// <summary>The signing key of every test host (base64 of 32 bytes), so tests can forge and check tokens.</summary>
    public const string SigningKey = "ZGlzcGF0Y2gtdGVzdC1zaWduaW5nLWtleS0zMi1ieXRlcyE=";

    public static string CityFile => TestSiloApp.CityFile;

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    private SiloHost(TestSiloApp silo)
    {
        Silo = silo;
        Http = new HttpClient { BaseAddress = silo.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public TestSiloApp Silo { get; }
    public WebApplication App => Silo.App;
    public IClock Clock => Silo.Clock;
    public Uri Address => Silo.Address;
    public IGrainFactory Grains => Silo.Grains;

    /// <summary>A client without credentials.</summary>
    public HttpClient Http { get; }

    public static JsonSerializerOptions Json { get; } = DispatchJson.CreateOptions();

    /// <summary>
    /// Starts a silo on <paramref name="storage"/> ("--Storage:..." settings) with the test city; <paramref name="extra"/>
    /// adds or overrides settings ("--Key=value").
    /// </summary>
    public static Task<SiloHost> StartAsync(IEnumerable<string> storage, params string[] extra) => StartWithAsync(storage, false, null, extra);

    /// <summary>As <see cref="StartAsync"/>, with the fake clock at <paramref name="now"/> (Monday morning when null).</summary>
    public static Task<SiloHost> StartAtAsync(IEnumerable<string> storage, Instant? now, params string[] extra) =>
        StartWithAsync(storage, false, now, extra);

    /// <summary>
    /// One silo of a cluster on the PostgreSQL database <paramref name="connectionString"/>, with live events across
    /// silos (Orleans streams, so grain timers run on real time: see <see cref="TestSiloApp.StartAsync"/>).
    /// </summary>
    public static Task<SiloHost> StartClusteredAsync(string connectionString) =>
        StartWithAsync(["--Storage:Provider=postgres", $"--Storage:ConnectionString={connectionString}"], true, null, ["--Live:Fanout=streams"]);

    private static async Task<SiloHost> StartWithAsync(IEnumerable<string> storage, bool realTimeGrainTimers, Instant? now, string[] extra)
    {
        string[] args =
        [
            "--Auth:DevTokens=true",
            $"--Auth:SigningKey={SigningKey}",
            "--Logging:LogLevel:Dispatch.Silo.Errors=Critical",
            .. storage,
            .. extra,
        ];
        // A PostgreSQL silo's pooled connections are released when it stops (TestDatabases.Release).
        var postgres = args.Contains("--Storage:Provider=postgres")
            ? args.LastOrDefault(a => a.StartsWith(ConnectionStringArgument, StringComparison.Ordinal))?[ConnectionStringArgument.Length..]
            : null;
        return new SiloHost(await TestSiloApp.StartAsync(args, now, realTimeGrainTimers: realTimeGrainTimers)) { _postgres = postgres };
    }

    private const string ConnectionStringArgument = "--Storage:ConnectionString=";
    private string? _postgres;

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
        var left = await Silo.DeliverAsync(caseId);
        Assert.True(left == 0, $"case {caseId} still has {left} undelivered copies");
    }

    /// <summary>Moves the clock and waits until every deadline now due has been acted on.</summary>
    public Task AdvanceAsync(Duration by) => Silo.AdvanceAsync(by);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        if (_postgres is not null) TestDatabases.Release(_postgres);
    }
}
