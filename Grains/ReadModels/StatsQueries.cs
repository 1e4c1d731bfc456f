using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.ReadModels;

/// <summary>
/// Statistics and rankings of a scope (a township, county or city center, or a department), summed in the database
/// from the per-case facts of townships and departments: a township or department adds up its own facts, a county
/// its townships', the city every township's. Days after today (Asia/Shanghai) are skipped: nothing happened on them.
/// Validate input first (<see cref="StatsQuery.TryParse"/>, <see cref="RankingQuery.TryParse"/>): with a scope that
/// is not such a unit, or a ranking the scope does not allow, the methods throw <see cref="ArgumentException"/>.
/// </summary>
public sealed class StatsQueries(CityModel city, IReadModelReader reader, IClock clock)
{
    /// <summary>The longest span <see cref="TotalsAsync"/> accepts, in days.</summary>
    public const int MaxDays = 366;

    /// <summary>The statistics of the <paramref name="period"/> containing the local date <paramref name="at"/>.</summary>
    public async Task<StatsView> GetAsync(string scope, StatsPeriod period, LocalDate at, CancellationToken cancellationToken = default)
    {
        var dates = StatsPeriods.Range(period, at);
        var totals = await TotalsAsync(scope, dates.Start, dates.End, cancellationToken);
        return StatsCalculator.ToView(scope, period, dates, totals);
    }

    /// <summary>The additive totals of the local dates <paramref name="from"/> to <paramref name="to"/> (inclusive; at most 366 days).</summary>
    public async Task<StatsTotals> TotalsAsync(string scope, LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        var parts = Parts(scope);
        var sums = await SumAsync(parts, from, to, cancellationToken);
        return StatsCalculator.Sum(parts.Select(p => sums.GetValueOrDefault(p) ?? StatsTotals.Empty));
    }

    /// <summary>
    /// The cases behind a figure of <see cref="GetAsync"/> (the same scope, period and facts, clipped to today the same
    /// way): one page, newest report first, with each case's count; the counts add up to the figure.
    /// </summary>
    public Task<StatsCasePage> CasesAsync(StatsCasesQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = Parts(query.Stats.Scope);
        var dates = query.Stats.Dates;
        var today = StatsPeriods.DayOf(clock.GetCurrentInstant());
        if (dates.Start > today) return Task.FromResult(new StatsCasePage([], 0, 0));
        var to = dates.End > today ? today : dates.End;
        return reader.StatsCasesAsync(parts, dates.Start, to, query.Metric, query.Page, query.PageSize, cancellationToken);
    }

    /// <summary>The scopes whose facts make up <paramref name="scope"/>: itself (township, department), or its townships.</summary>
    private IReadOnlyList<string> Parts(string scope) =>
        StatsScopes.Resolve(city, scope) is StatsScopeKind.Township or StatsScopeKind.Department
            ? [scope]
            : StatsScopes.TownshipsUnder(city, scope).Select(t => t.Id).ToList();

    /// <summary>
    /// The departments or townships under this scope, best first, each with its statistics for the period (see
    /// <see cref="StatsRanking.Order"/>): every unit is listed, also one without any activity in the period.
    /// </summary>
    public async Task<IReadOnlyList<StatsView>> RankingAsync(string scope, StatsPeriod period, LocalDate at, RankBy by,
        CancellationToken cancellationToken = default)
    {
        var kind = StatsScopes.Resolve(city, scope);
        if (!RankingQuery.Allows(kind, by)) throw new ArgumentException($"{scope} ({kind}) cannot rank by {by}.", nameof(by));
        var members = by == RankBy.Township
            ? StatsScopes.TownshipsUnder(city, scope).Select(t => t.Id).ToList()
            : StatsScopes.DepartmentsUnder(city, scope).Select(d => d.Id).ToList();
        var dates = StatsPeriods.Range(period, at);
        var totals = await SumAsync(members, dates.Start, dates.End, cancellationToken);
        return StatsRanking.Order(members.Select(id =>
            StatsCalculator.ToView(id, period, dates, totals.GetValueOrDefault(id) ?? StatsTotals.Empty)).ToList());
    }

    /// <summary>Each scope's totals over the span, clipped to today.</summary>
    private async Task<IReadOnlyDictionary<string, StatsTotals>> SumAsync(IReadOnlyCollection<string> scopes, LocalDate from, LocalDate to,
        CancellationToken cancellationToken)
    {
        if (to < from) throw new ArgumentException($"The span {from} to {to} ends before it starts.", nameof(to));
        if (Period.DaysBetween(from, to) >= MaxDays) throw new ArgumentException($"The span {from} to {to} is longer than {MaxDays} days.", nameof(to));
        var today = StatsPeriods.DayOf(clock.GetCurrentInstant());
        if (from > today || scopes.Count == 0) return new Dictionary<string, StatsTotals>();
        if (to > today) to = today;
        return await reader.TotalsAsync(scopes, from, to, cancellationToken);
    }
}
