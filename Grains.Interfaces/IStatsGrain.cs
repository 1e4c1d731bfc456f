using Dispatch.Grains.Interfaces.Stats;
using Orleans;
using Orleans.Concurrency;
using NodaTime;

namespace Dispatch.Grains.Interfaces;

/// <summary>
/// Statistics and rankings of one scope, keyed by a township, county or city center id or a department id.
/// Holds no state: it adds up day buckets (a township's or department's own; a county's townships', the city's
/// counties'), so a query never scans cases. Validate input with <c>StatsQuery.TryParse</c> / <c>RankingQuery.TryParse</c>
/// first: with a key that is not such a scope every method throws <see cref="ArgumentException"/>.
/// </summary>
[Alias("dispatch.IStatsGrain")]
public interface IStatsGrain : IGrainWithStringKey
{
    /// <summary>The statistics of the <paramref name="period"/> containing the local date <paramref name="at"/>.</summary>
    [ReadOnly]
    Task<StatsView> Get(StatsPeriod period, LocalDate at);

    /// <summary>The additive totals of the local dates <paramref name="from"/> to <paramref name="to"/> (inclusive; at most 366 days).</summary>
    [ReadOnly]
    Task<StatsTotals> Totals(LocalDate from, LocalDate to);

    /// <summary>
    /// The departments or townships under this scope, best first, each with its statistics for the period:
    /// on-time acknowledgement rate, then completion rate, then mean satisfaction, each highest first with no data
    /// (null) after any value, then id (ordinal). <see cref="RankBy.Department"/>: the departments of this center and
    /// of every center under it (this scope must be a township, county or city). <see cref="RankBy.Township"/>: the
    /// townships of this county, or all of the city's (this scope must be a county or the city). Every unit is listed,
    /// also one without any activity in the period. Other combinations throw <see cref="ArgumentException"/>.
    /// </summary>
    [ReadOnly]
    Task<IReadOnlyList<StatsView>> Ranking(StatsPeriod period, LocalDate at, RankBy by);
}
