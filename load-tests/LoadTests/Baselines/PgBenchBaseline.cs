using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Dispatch.LoadTests.Baselines;

/// <summary>
/// pgbench on the silo's PostgreSQL for a write like the engine's: one transaction upserts one JSON text row of
/// about 2 KB (a case with its summonses and timeline is of that order) with an etag bump, keyed at random among
/// 100,000 rows. Runs <c>pgbench -n -T seconds -c clients -f script.sql</c> on a table of its own, dropped afterwards.
/// </summary>
public static partial class PgBenchBaseline
{
    public const string Table = "load_baseline";

    /// <summary>The pgbench script.</summary>
    public static string Script { get; } = BuildScript();

    public static async Task<BaselineFigure> RunAsync(string connectionString, TimeSpan duration, int clients, string workDirectory, CancellationToken cancellationToken)
    {
        var pgbench = Find();
        if (pgbench is null) return new BaselineFigure(null, "pgbench not found on PATH or under /usr/lib/postgresql/*/bin");
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        try
        {
            await ExecuteAsync(connectionString, $"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} (id INTEGER PRIMARY KEY, etag INTEGER NOT NULL, payload TEXT NOT NULL)", cancellationToken);
            Directory.CreateDirectory(workDirectory);
            var script = Path.Combine(workDirectory, "pgbench-upsert.sql");
            await File.WriteAllTextAsync(script, Script, cancellationToken);
            var info = new ProcessStartInfo(pgbench)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var a in new[]
            {
                "-n", "-T", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
                "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                "-f", script, "-h", cs.Host ?? "127.0.0.1", "-p", cs.Port.ToString(CultureInfo.InvariantCulture),
                "-U", cs.Username ?? "postgres", cs.Database ?? "postgres",
            })
            {
                info.ArgumentList.Add(a);
            }
            if (!string.IsNullOrEmpty(cs.Password)) info.Environment["PGPASSWORD"] = cs.Password;
            using var process = Process.Start(info) ?? throw new InvalidOperationException("pgbench did not start");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(duration + TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new BaselineFigure(null, "pgbench did not finish in time");
            }
            var output = await stdout;
            var tps = ParseTps(output);
            return tps is null
                ? new BaselineFigure(null, $"pgbench exited {process.ExitCode} without a tps line: {(await stderr).Trim()}")
                : new BaselineFigure(tps, $"pgbench -n -T {duration.TotalSeconds:0} -c {clients}: one ~2 KB JSON row upsert per transaction ({Path.GetFileName(pgbench)} {pgbench})");
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return new BaselineFigure(null, $"pgbench baseline failed: {e.Message}");
        }
        finally
        {
            try { await ExecuteAsync(connectionString, $"DROP TABLE IF EXISTS {Table}", CancellationToken.None); }
            catch (NpgsqlException) { }
        }
    }

    /// <summary>"tps = 1234.567890 (without initial connection time)" → 1234.57; the last tps line wins.</summary>
    public static double? ParseTps(string output)
    {
        double? tps = null;
        foreach (Match m in TpsLine().Matches(output))
            tps = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return tps;
    }

    /// <summary>pgbench on PATH, else the highest version under /usr/lib/postgresql/*/bin.</summary>
    public static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "pgbench");
            if (File.Exists(candidate)) return candidate;
        }
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => (Dir: d, Version: double.TryParse(Path.GetFileName(d), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Dir, "bin", "pgbench"))
            .FirstOrDefault(File.Exists);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string BuildScript()
    {
        var summonses = string.Join(",", Enumerable.Range(0, 5).Select(i =>
            $"{{\"id\":\"case-000123-s{i}\",\"departmentId\":\"bt-kdl-t03-dept{i}\",\"state\":\"issued\",\"issuedAt\":\"2026-11-22T08:30:00Z\",\"ackDueAt\":\"2026-11-22T08:30:15Z\",\"arriveDueAt\":\"2026-11-22T08:31:00Z\",\"escalationLevel\":0,\"version\":1}}"));
        var timeline = string.Join(",", Enumerable.Range(0, 4).Select(i =>
            $"{{\"at\":\"2026-11-22T08:30:0{i}Z\",\"kind\":\"step{i}\",\"actor\":\"commissioner bt-kdl-t03\",\"note\":\"surge baseline timeline entry number {i}\"}}"));
        var payload = $"{{\"id\":\"case-000123\",\"gridId\":\"bt-kdl-t03-g017\",\"state\":\"whistled\",\"category\":\"neighbourDispute\",\"summary\":\"pgbench baseline case\",\"summonses\":[{summonses}],\"timeline\":[{timeline}]}}";
        return $"""
            \set id random(1, 100000)
            INSERT INTO {Table} (id, etag, payload) VALUES (:id, 1, '{payload}') ON CONFLICT (id) DO UPDATE SET etag = {Table}.etag + 1, payload = EXCLUDED.payload;

            """;
    }

    [GeneratedRegex(@"^tps = ([0-9]+(?:\.[0-9]+)?)", RegexOptions.Multiline)]
    private static partial Regex TpsLine();
}
