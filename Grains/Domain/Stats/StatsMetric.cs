using System.Diagnostics.CodeAnalysis;
using Dispatch.Grains.Interfaces.Stats;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>
/// The figures of <see cref="StatsView"/> that a set of cases stands behind (the drill-down from a number to its
/// cases). Each is a per-case count in the statistics facts (one row per case, scope and local day, see
/// <see cref="CaseStatsFacts"/>), so the cases of a scope and period with a positive sum are exactly the cases the
/// figure counts, and the sums of their counts add up to it. Rates, medians and satisfaction are not counts of cases
/// and have no drill-down.
/// </summary>
public enum StatsMetric
{
    /// <summary>受理数: cases created in the period (once per case).</summary>
    Accepted,

    /// <summary>办结数: cases resolved in the period, by their latest resolution (once per case).</summary>
    Resolved,

    /// <summary>结案数: cases closed in the period, by their latest closure (once per case).</summary>
    Closed,

    /// <summary>召集数: summonses issued in the period (a case may have several).</summary>
    Summoned,

    /// <summary>按时签收数: of those, acknowledged in time (a case may have several).</summary>
    AckedOnTime,

    /// <summary>升级数: escalations in the period (a case may have several).</summary>
    Escalations,

    /// <summary>回访数: cases whose latest follow-up visit was in the period (once per case).</summary>
    FollowUps,

    /// <summary>重办数: reopenings in the period (a case may have several).</summary>
    Reopened,

    /// <summary>重复件: repeat cases accepted in the period (once per case).</summary>
    Repeats,
}

/// <summary>Names, values and counting rules of <see cref="StatsMetric"/> (pure functions).</summary>
public static class StatsMetrics
{
    /// <summary>Every metric, in the order the statistics page shows its figures.</summary>
    public static IReadOnlyList<StatsMetric> All { get; } = Enum.GetValues<StatsMetric>();

    /// <summary>The metric's name in URLs and the API (<c>accepted</c>, <c>acked-on-time</c>, <c>follow-ups</c>…): the statistics page's tile key.</summary>
    public static string Name(StatsMetric metric) => metric switch
    {
        StatsMetric.AckedOnTime => "acked-on-time",
        StatsMetric.FollowUps => "follow-ups",
        _ => metric.ToString().ToLowerInvariant(),
    };

    /// <summary>Every metric's name, as <see cref="Name"/> writes it.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(Name).ToList();

    /// <summary>The metric a name (<see cref="Name"/>, case-insensitive) stands for; false for anything else.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out StatsMetric? metric)
    {
        metric = null;
        if (string.IsNullOrWhiteSpace(name)) return false;
        var trimmed = name.Trim();
        foreach (var m in All)
        {
            if (string.Equals(Name(m), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                metric = m;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when a case counts at most once in the figure over any period (so the number of cases behind it equals the
    /// figure); false when one case may count several times (summonses, escalations, reopenings: the cases' counts add up to it).
    /// </summary>
    public static bool OncePerCase(StatsMetric metric) =>
        metric is StatsMetric.Accepted or StatsMetric.Resolved or StatsMetric.Closed or StatsMetric.FollowUps or StatsMetric.Repeats;

    /// <summary>The metric's count in <paramref name="totals"/> (one case's facts, or a sum of them: the figure).</summary>
    public static int ValueOf(StatsTotals totals, StatsMetric metric)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return metric switch
        {
            StatsMetric.Accepted => totals.Accepted,
            StatsMetric.Resolved => totals.Resolved,
            StatsMetric.Closed => totals.Closed,
            StatsMetric.Summoned => totals.Summoned,
            StatsMetric.AckedOnTime => totals.AckedOnTime,
            StatsMetric.Escalations => totals.Escalations,
            StatsMetric.FollowUps => totals.FollowUps,
            StatsMetric.Reopened => totals.Reopened,
            StatsMetric.Repeats => totals.Repeats,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown statistics metric."),
        };
    }
}
