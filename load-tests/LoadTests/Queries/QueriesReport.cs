using Dispatch.LoadTests.Seeding;

namespace Dispatch.LoadTests.Queries;

/// <summary>The timings of one size: the seed, what was asked for, each read over HTTP and its reference SQL.</summary>
/// <param name="Proposed">The reads again with the proposed indexes and rollup (<see cref="ProposedSql"/>); empty unless asked for.</param>
public sealed record SizeResult(int Cases, SeedResult Seed, ReadTargets Targets, IReadOnlyList<ReadTiming> Http, IReadOnlyList<ReadTiming> Sql,
    IReadOnlyList<ReadTiming> Proposed, string? LoadAverage);

/// <summary>
/// How a read's p99 grows from the smallest size to the largest, beside the growth of log N over the same sizes
/// (log 1,000,000 / log 10,000 = 1.5), and whether the largest size meets the goal.
/// </summary>
public sealed record GrowthRow(string Read, string Kind, double SmallestP99Ms, double LargestP99Ms, double Ratio, double LogRatio, double GoalMs)
{
    /// <summary>Below this a p99 is the floor of one request on a shared 2-core machine: its growth is noise, not the query's.</summary>
    public const double NoiseFloorMs = 5;

    /// <summary>The p99 grew no faster than log N, or stayed under <see cref="NoiseFloorMs"/>.</summary>
    public bool WithinLogN => Ratio <= LogRatio || LargestP99Ms <= NoiseFloorMs;

    public bool MeetsGoal => LargestP99Ms <= GoalMs;
}

/// <summary>A `dispatch-load queries` run: the machine, the settings, every size's timings and the growth.</summary>
public sealed record QueriesReport(
    DateTimeOffset At,
    int Cores,
    string Os,
    string City,
    int Seed,
    double Years,
    int Repetitions,
    int Warmup,
    string CommandLine,
    IReadOnlyList<SizeResult> Sizes,
    IReadOnlyList<GrowthRow> Growth,
    IReadOnlyList<string> Notes)
{
    /// <summary>The goal: every read's p99 at most this at 1M cases.</summary>
    public const double GoalMs = 50;

    /// <summary>p99 growth of every read timed at both the smallest and the largest size (HTTP, SQL, proposed SQL).</summary>
    public static IReadOnlyList<GrowthRow> GrowthOf(IReadOnlyList<SizeResult> sizes)
    {
        if (sizes.Count < 2) return [];
        var (small, large) = (sizes[0], sizes[^1]);
        var log = Math.Log(large.Cases) / Math.Log(Math.Max(2, small.Cases));
        IEnumerable<GrowthRow> Rows(string kind, IReadOnlyList<ReadTiming> a, IReadOnlyList<ReadTiming> b) =>
            from x in a
            join y in b on x.Read equals y.Read
            where x.Samples > 0 && y.Samples > 0
            select new GrowthRow(x.Read, kind, x.P99Ms, y.P99Ms, y.P99Ms / x.P99Ms, log, GoalMs);
        return Rows("HTTP", small.Http, large.Http).Concat(Rows("SQL", small.Sql, large.Sql)).Concat(Rows("proposed", small.Proposed, large.Proposed)).ToList();
    }
}
