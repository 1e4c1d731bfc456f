using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Engine;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Stats;
using Orleans;
using Orleans.Runtime;
using NodaTime;

namespace Dispatch.Grains.Stats;

/// <summary>
/// Statistics and rankings of one scope (a township, county or city center, or a department), computed on request
/// from day buckets; it stores nothing. A township or department adds up its own day buckets (those its day index
/// lists), a county its townships' totals, the city its counties' totals; days after today (Asia/Shanghai) are
/// skipped, since nothing can have happened on them yet.
/// </summary>
public sealed class StatsGrain(EngineContext engine) : EngineGrain, IStatsGrain
{
    /// <summary>The longest span <see cref="Totals"/> accepts, in days.</summary>
    public const int MaxDays = 366;

    public async Task<StatsView> Get(StatsPeriod period, LocalDate at)
    {
        var dates = StatsPeriods.Range(period, at);
        var totals = await Totals(dates.Start, dates.End);
        return StatsCalculator.ToView(GrainKey, period, dates, totals);
    }

    public async Task<StatsTotals> Totals(LocalDate from, LocalDate to)
    {
        if (to < from) throw new ArgumentException($"The span {from} to {to} ends before it starts.", nameof(to));
        if (Period.DaysBetween(from, to) >= MaxDays) throw new ArgumentException($"The span {from} to {to} is longer than {MaxDays} days.", nameof(to));
        var city = engine.City;
        var kind = StatsScopes.Resolve(city, GrainKey);
        var today = StatsPeriods.DayOf(Clock.GetCurrentInstant());
        if (from > today) return StatsTotals.Empty;
        if (to > today) to = today;
        IEnumerable<Task<StatsTotals>> parts = kind switch
        {
            StatsScopeKind.Township or StatsScopeKind.Department => (await DaysWithBucketsAsync(from, to))
                .Select(d => GrainFactory.GetGrain<IStatsDayGrain>(new StatsDayKey(GrainKey, d).GrainKey).Totals()),
            StatsScopeKind.County => StatsScopes.TownshipsUnder(city, GrainKey)
                .Select(t => GrainFactory.GetGrain<IStatsGrain>(t.Id).Totals(from, to)),
            _ => city.Children(GrainKey)
                .Where(c => StatsScopes.TryResolve(city, c.Id, out var k) && k == StatsScopeKind.County)
                .Select(c => GrainFactory.GetGrain<IStatsGrain>(c.Id).Totals(from, to)),
        };
        return StatsCalculator.Sum(await Task.WhenAll(parts.ToList()));
    }

    public async Task<IReadOnlyList<StatsView>> Ranking(StatsPeriod period, LocalDate at, RankBy by)
    {
        var city = engine.City;
        var kind = StatsScopes.Resolve(city, GrainKey);
        if (!RankingQuery.Allows(kind, by)) throw new ArgumentException($"{GrainKey} ({kind}) cannot rank by {by}.", nameof(by));
        var members = by == RankBy.Township
            ? StatsScopes.TownshipsUnder(city, GrainKey).Select(t => t.Id)
            : StatsScopes.DepartmentsUnder(city, GrainKey).Select(d => d.Id);
        var rows = await Task.WhenAll(members.Select(id => GrainFactory.GetGrain<IStatsGrain>(id).Get(period, at)).ToList());
        return StatsRanking.Order(rows);
    }

    /// <summary>This township's or department's days with buckets in the span, from its yearly day indexes.</summary>
    private async Task<IEnumerable<LocalDate>> DaysWithBucketsAsync(LocalDate from, LocalDate to)
    {
        var years = Enumerable.Range(from.Year, to.Year - from.Year + 1);
        var days = await Task.WhenAll(years.Select(y => GrainFactory.GetGrain<IStatsIndexGrain>(StatsDayKey.IndexKeyOf(GrainKey, y)).Days(from, to)).ToList());
        return days.SelectMany(d => d);
    }
}
