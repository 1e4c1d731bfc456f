using System.Globalization;
using Dispatch.LoadTests.Scenario;
using Dispatch.LoadTests.Seeding;
using NodaTime;

namespace Dispatch.LoadTests.Queries;

/// <summary>The options of <c>dispatch-load queries</c> as typed (unchecked).</summary>
public sealed record QueriesArguments
{
    public string Sizes { get; init; } = "10000,100000,1000000";
    public string? Postgres { get; init; }
    public string? City { get; init; }
    public double Years { get; init; } = 2;
    public int Seed { get; init; } = 1;
    public string? Until { get; init; }
    public int Repetitions { get; init; } = 200;
    public int Warmup { get; init; } = 20;
    public int ReportRepetitions { get; init; } = 5;
    public string? SiloDll { get; init; }
    public string? Report { get; init; }
    public bool Keep { get; init; }
    public bool NoSql { get; init; }
    public bool Proposed { get; init; }
}

/// <summary>Checked options of <c>dispatch-load queries</c>.</summary>
/// <param name="Sizes">Case counts to seed and measure, ascending.</param>
/// <param name="Postgres">A server to create the databases on (one per size), or null for a throwaway cluster.</param>
/// <param name="Repetitions">Timed requests per read and size.</param>
/// <param name="Warmup">Untimed requests per read first.</param>
/// <param name="ReportRepetitions">Timed productions of the quarter's report (each rewrites it).</param>
/// <param name="Keep">Keep the databases (and with a throwaway cluster, print where) instead of dropping them.</param>
/// <param name="Sql">Also time the reference SQL of each read directly on the database.</param>
/// <param name="Proposed">Then add the proposed indexes and rollup and time the reads' SQL again.</param>
public sealed record QueriesOptions(
    IReadOnlyList<int> Sizes,
    string? Postgres,
    CitySource City,
    double Years,
    Instant? Until,
    int Seed,
    int Repetitions,
    int Warmup,
    int ReportRepetitions,
    string? SiloDll,
    string ReportDirectory,
    bool Keep,
    bool Sql,
    bool Proposed)
{
    public HistorySpec Spec(int cases, Instant now) => HistorySpec.Ending(Until ?? now, Years, cases, Seed);
}

/// <summary>Checks queries options; every message names the option and the form expected.</summary>
public static class QueriesOptionsParser
{
    public static QueriesOptions? Parse(QueriesArguments a, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        var sizes = Sizes(a.Sizes, problems);
        if (a.Postgres is not null) SeedOptionsParser.Target(a.Postgres, null, problems);
        var city = SeedOptionsParser.City(a.City, problems);
        var years = SeedOptionsParser.Years(a.Years, problems);
        var until = SeedOptionsParser.Until(a.Until, problems);
        if (a.Repetitions is < 2 or > 100_000) problems.Add($"--repetitions must be 2 to 100,000 (timed requests per read), e.g. --repetitions 200; got {a.Repetitions}.");
        if (a.Warmup is < 0 or > 100_000) problems.Add($"--warmup must be 0 to 100,000 (untimed requests per read first); got {a.Warmup}.");
        if (a.ReportRepetitions is < 0 or > 1_000) problems.Add($"--report-repetitions must be 0 to 1,000 (timed productions of the quarter's report); got {a.ReportRepetitions}.");
        if (a.Keep && a.Postgres is null) problems.Add("--keep needs --postgres: a throwaway cluster is deleted when the run ends.");
        if (a.SiloDll is not null && !File.Exists(a.SiloDll)) problems.Add($"--silo-dll: no such file: {a.SiloDll} (give the built Dispatch.Silo.dll).");
        var report = a.Report ?? Path.Combine("load-tests", "reports", $"queries-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        return problems.Count > 0
            ? null
            : new QueriesOptions(sizes!, a.Postgres, city!, years, until, a.Seed, a.Repetitions, a.Warmup, a.ReportRepetitions, a.SiloDll,
                Path.GetFullPath(report), a.Keep, !a.NoSql, a.Proposed);
    }

    /// <summary>"10000,100000,1000000" (underscores allowed, e.g. 1_000_000): distinct sizes, ascending.</summary>
    internal static IReadOnlyList<int>? Sizes(string text, List<string> problems)
    {
        var sizes = new SortedSet<int>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n is < 1 or > SeedOptions.MaxCases)
            {
                problems.Add($"--sizes: '{part}' is not a case count from 1 to {SeedOptions.MaxCases:N0}; write them comma-separated, e.g. --sizes 10000,100000,1000000.");
                return null;
            }
            sizes.Add(n);
        }
        return sizes.ToList();
    }
}
