using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>Adds totals up and turns them into a <see cref="StatsView"/> (rates, medians, means); pure functions.</summary>
public static class StatsCalculator
{
    /// <summary>The sum of <paramref name="parts"/>: counts added, duration lists concatenated in order.</summary>
    public static StatsTotals Sum(IEnumerable<StatsTotals> parts)
    {
        var sum = new StatsTotalsBuilder();
        foreach (var part in parts) sum.Add(part);
        return sum.Build();
    }

    /// <summary>
    /// The view of <paramref name="totals"/> for a scope and period, with the rates, medians and means defined on
    /// <see cref="StatsView"/> (null where the denominator is 0).
    /// </summary>
    public static StatsView ToView(string scope, StatsPeriod period, DateInterval dates, StatsTotals totals) => new(
        scope,
        period,
        dates.Start,
        dates.End,
        totals.Accepted,
        totals.Resolved,
        totals.Closed,
        Rate(totals.AcceptedResolved, totals.Accepted),
        totals.Summoned,
        totals.AckedOnTime,
        Rate(totals.AckedOnTime, totals.Summoned),
        Median(totals.AckTimes),
        Median(totals.ArriveTimes),
        totals.Escalations,
        totals.FollowUps,
        Rate(totals.SatisfactionSum, totals.FollowUps),
        Rate(totals.Satisfied, totals.FollowUps))
    {
        Reopened = totals.Reopened,
        Repeats = totals.Repeats,
        RepeatRate = Rate(totals.Repeats, totals.Accepted),
    };

    /// <summary><paramref name="part"/> / <paramref name="whole"/>, or null when <paramref name="whole"/> is 0.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>The median: the middle value, or the mean of the two middle values for an even count; null when empty.</summary>
    public static Duration? Median(IReadOnlyCollection<Duration> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
