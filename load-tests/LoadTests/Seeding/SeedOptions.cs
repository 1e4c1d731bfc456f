using System.Globalization;
using Dispatch.LoadTests.Scenario;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.LoadTests.Seeding;

/// <summary>The options of <c>dispatch-load seed</c> as typed (unchecked).</summary>
public sealed record SeedArguments
{
    public string? Postgres { get; init; }
    public string? Start { get; init; }
    public long Cases { get; init; } = 1_000_000;
    public string? City { get; init; }
    public double Years { get; init; } = 2;
    public int Seed { get; init; } = 1;
    public string? Until { get; init; }
    public bool Truncate { get; init; }
}

/// <summary>Checked options of <c>dispatch-load seed</c>.</summary>
/// <param name="Postgres">The database to fill, or null to start a throwaway cluster.</param>
/// <param name="Cases">How many cases.</param>
/// <param name="City">The city file.</param>
/// <param name="Years">The span of the history, ending at <paramref name="Until"/> (null: when the seed starts).</param>
/// <param name="Seed">Seed of the history's random generator.</param>
/// <param name="Truncate">Empty the three tables first instead of refusing a database that holds rows.</param>
public sealed record SeedOptions(string? Postgres, int Cases, CitySource City, double Years, Instant? Until, int Seed, bool Truncate)
{
    public const int MaxCases = 50_000_000;

    /// <summary>The history these options describe, ending at <see cref="Until"/> or else at <paramref name="now"/>.</summary>
    public HistorySpec Spec(Instant now, int? cases = null) => HistorySpec.Ending(Until ?? now, Years, cases ?? Cases, Seed);
}

/// <summary>Checks seed (and queries) options, collecting one message per bad option that names it and the form expected.</summary>
public static class SeedOptionsParser
{
    public static SeedOptions? Parse(SeedArguments a, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        var postgres = Target(a.Postgres, a.Start, problems);
        if (a.Cases is < 1 or > SeedOptions.MaxCases)
            problems.Add($"--cases must be a whole number from 1 to {SeedOptions.MaxCases:N0}, e.g. --cases 1000000; got {a.Cases}.");
        var city = City(a.City, problems);
        var years = Years(a.Years, problems);
        var until = Until(a.Until, problems);
        return problems.Count > 0 ? null : new SeedOptions(postgres, (int)a.Cases, city!, years, until, a.Seed, a.Truncate);
    }

    /// <summary>The connection string, or null for a throwaway cluster; exactly one of the two must be given.</summary>
    internal static string? Target(string? postgres, string? start, List<string> problems)
    {
        if (postgres is not null && start is not null)
        {
            problems.Add("Give --postgres CONNSTR or --start postgres, not both.");
            return null;
        }
        if (start is not null)
        {
            if (!string.Equals(start, "postgres", StringComparison.OrdinalIgnoreCase))
                problems.Add($"--start: '{start}' is not postgres (the read-model tables are loaded with PostgreSQL's COPY; there is no SQLite seed).");
            return null;
        }
        if (postgres is null)
        {
            problems.Add("Give the database: --postgres \"Host=127.0.0.1;Port=5432;Database=dispatch;Username=postgres\", or --start postgres for a throwaway cluster.");
            return null;
        }
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
            if (string.IsNullOrWhiteSpace(builder.Host))
                problems.Add("--postgres: the connection string names no Host, e.g. \"Host=127.0.0.1;Port=5432;Database=dispatch;Username=postgres\".");
        }
        catch (ArgumentException e)
        {
            problems.Add($"--postgres: not an Npgsql connection string ({e.Message}); write it as \"Host=127.0.0.1;Port=5432;Database=dispatch;Username=postgres\".");
        }
        return postgres;
    }

    internal static CitySource? City(string? path, List<string> problems)
    {
        if (path is null) return CitySource.Baotou;
        if (File.Exists(path)) return CitySource.FromFile(path);
        problems.Add($"--city: no such file: {path} (give a city JSON file such as Grains/Data/city-baotou.json).");
        return null;
    }

    internal static double Years(double years, List<string> problems)
    {
        if (years > 0 && years <= 20) return years;
        problems.Add($"--years must be above 0 and at most 20, e.g. --years 2; got {years.ToString(CultureInfo.InvariantCulture)}.");
        return 0;
    }

    internal static Instant? Until(string? text, List<string> problems)
    {
        if (text is null) return null;
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (parsed.Success) return parsed.Value;
        problems.Add($"--until: '{text}' is not an ISO-8601 UTC instant such as 2026-11-29T12:00:00Z.");
        return null;
    }
}
