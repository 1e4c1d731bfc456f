using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Dispatch.Grains.Domain.City;
using Dispatch.LoadTests.Api;
using Dispatch.LoadTests.Commands;
using Dispatch.LoadTests.Seeding;
using Dispatch.LoadTests.SiloHost;
using Dispatch.LoadTests.Surge;
using Dispatch.Testing;
using NodaTime;
using Npgsql;
using Spectre.Console;

namespace Dispatch.LoadTests.Queries;

/// <summary>
/// For each size: a database of its own (dispatch_queries_N), seeded; the busiest township, department and county
/// found; the real silo started on it (PostgreSQL store, dev tokens, free ports); the county's quarter report produced;
/// every read timed over HTTP; the silo stopped; the reference SQL timed on the database alone; the database dropped.
/// </summary>
public sealed class QueriesRunner(QueriesOptions options, IAnsiConsole console, string commandLine)
{
    private readonly List<string> _notes = [];

    /// <exception cref="SurgeSetupException">The silo could not be built, started or reached.</exception>
    /// <exception cref="SeedException">A database could not be seeded.</exception>
    public async Task<QueriesReport> RunAsync(CancellationToken ct)
    {
        var o = options;
        Directory.CreateDirectory(o.ReportDirectory);
        var city = CityLoader.Load(o.City.File!);
        var dll = await SiloLocator.LocateAsync(o.SiloDll, Phase, ct);
        ThrowawayPostgres? cluster = null;
        try
        {
            var server = o.Postgres;
            if (server is null)
            {
                cluster = await ThrowawayPostgres.StartAsync(Phase, ct);
                server = cluster.BaseConnectionString;
                _notes.Add("PostgreSQL: a throwaway cluster of this machine's binaries (fsync off), on the same 2 cores as the silo and the load tester.");
            }
            var sizes = new List<SizeResult>();
            foreach (var cases in o.Sizes) sizes.Add(await SizeAsync(server, dll, city, cases, ct));
            return new QueriesReport(DateTimeOffset.UtcNow, Environment.ProcessorCount, RuntimeInformation.OSDescription, o.City.ToString(), o.Seed,
                o.Years, o.Repetitions, o.Warmup, commandLine, sizes, QueriesReport.GrowthOf(sizes), _notes);
        }
        finally
        {
            if (cluster is not null) await cluster.DisposeAsync();
        }
    }

    private async Task<SizeResult> SizeAsync(string server, string dll, CityModel city, int cases, CancellationToken ct)
    {
        var o = options;
        console.Write(new Rule($"{cases:N0} cases"));
        var name = $"dispatch_queries_{cases}";
        var database = await CreateDatabaseAsync(server, name, ct);
        try
        {
            var spec = o.Spec(cases, SystemClock.Instance.GetCurrentInstant());
            var seed = await SeedCommand.SeedAsync(database, city, spec, truncate: false, console, ct);
            SeedCommand.WriteSummary(console, seed);
            var targets = await ReadTargets.FindAsync(database, city, spec.Until, ct);
            Phase($"Busiest: township {targets.TownshipId} ({targets.TownshipCases:N0} cases, {targets.TownshipOpenCases:N0} open), department {targets.DepartmentId} ({targets.DepartmentSummonses:N0} summonses, {targets.DepartmentOpenSummonses:N0} open), county {targets.CountyId} ({targets.CountyCases:N0} cases).");
            var sql = new SqlReads(database, city, o.Warmup, o.Repetitions);
            var counts = await sql.CountAsync(targets, ct);
            var load = LoadAverage();

            IReadOnlyList<ReadTiming> http;
            await using (var silo = await StartSiloAsync(dll, city, database, cases, out var gatewayPort, ct))
            {
                using var api = new DispatchApiClient(silo.BaseUrl, 4, TimeSpan.FromSeconds(30));
                var token = await new TokenCache(api).AdminAsync(ct);
                Phase($"Producing the quarter report of {targets.CountyId} ({o.ReportRepetitions} timed) ...");
                var (reportId, production) = await ReportProduction.RunAsync(gatewayPort, targets.CountyId, targets.Quarter, o.ReportRepetitions, ct);
                Phase($"Timing the reads over HTTP ({o.Warmup} untimed + {o.Repetitions} timed each) ...");
                using var reads = new HttpReads(silo.BaseUrl, token, o.Warmup, o.Repetitions);
                http = [.. await reads.RunAsync(targets, counts, reportId, Phase, ct), production];
                Phase("Stopping the silo ...");
            }
            IReadOnlyList<ReadTiming> reference = [];
            if (o.Sql)
            {
                Phase("Timing the reference SQL on the database alone ...");
                reference = await sql.RunAsync(targets, Phase, ct);
            }
            IReadOnlyList<ReadTiming> proposed = [];
            if (o.Proposed)
            {
                Phase("Adding the proposed indexes and the per-day rollup ...");
                var seconds = await sql.ApplyProposalsAsync(ct);
                _notes.Add($"{cases:N0}: the proposed indexes and rollup took {seconds:0.0} s to build from the seeded rows.");
                proposed = await sql.RunProposedAsync(targets, Phase, ct);
            }
            return new SizeResult(cases, seed, targets, http, reference, proposed, $"{load} before, {LoadAverage()} after");
        }
        finally
        {
            if (o.Keep) Phase($"Kept the database: {database}");
            else await DropDatabaseAsync(server, name);
        }
    }

    private Task<SiloProcess> StartSiloAsync(string dll, CityModel city, string database, int cases, out int gatewayPort, CancellationToken ct)
    {
        var port = SiloProcess.FreeLoopbackPort();
        gatewayPort = SiloProcess.FreeLoopbackPort();
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["City__File"] = options.City.File!,
            ["Auth__DevTokens"] = "true",
            ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Storage__Provider"] = "postgres",
            ["Storage__ConnectionString"] = database,
            ["Cluster__SiloPort"] = SiloProcess.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        Phase($"Starting the silo ({dll}) on 127.0.0.1:{port} with {city.City.Id} on {new NpgsqlConnectionStringBuilder(database).Database} ...");
        return SiloProcess.StartAsync(new SiloLaunch(dll, port, env, Path.Combine(options.ReportDirectory, $"silo-{cases}.log")), ct);
    }

    private static async Task<string> CreateDatabaseAsync(string server, string name, CancellationToken ct)
    {
        await using (var admin = new NpgsqlConnection(Maintenance(server)))
        {
            await admin.OpenAsync(ct);
            await ReadModelSeeder.ExecuteAsync(admin, null, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", ct);
            await ReadModelSeeder.ExecuteAsync(admin, null, $"CREATE DATABASE \"{name}\"", ct);
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private async Task DropDatabaseAsync(string server, string name)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Maintenance(server));
            await admin.OpenAsync();
            await ReadModelSeeder.ExecuteAsync(admin, null, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None, timeoutSeconds: 120);
        }
        catch (NpgsqlException e)
        {
            _notes.Add($"Could not drop the database {name}: {e.Message}");
        }
    }

    private static string Maintenance(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;

    private void Phase(string message) => console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

    /// <summary>The 1-minute load average from /proc/loadavg, or "?".</summary>
    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "?"; }
    }
}
