using System.Diagnostics.CodeAnalysis;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>
/// A validated statistics query (GET /api/v1/stats?scope=&amp;period=&amp;at=): ask
/// <c>IStatsGrain</c>(<see cref="Scope"/>).Get(<see cref="Period"/>, <see cref="At"/>).
/// </summary>
/// <param name="Scope">A township, county or city center id, or a department id.</param>
/// <param name="Kind">What <see cref="Scope"/> names.</param>
/// <param name="Period">Day, week, month or quarter.</param>
/// <param name="At">A local date in the period.</param>
public sealed record StatsQuery(string Scope, StatsScopeKind Kind, StatsPeriod Period, LocalDate At)
{
    /// <summary>The local dates of the period (inclusive).</summary>
    public DateInterval Dates => StatsPeriods.Range(Period, At);

    /// <summary>
    /// Validates the raw query parameters. <paramref name="scope"/>: a township, county or city center id or a
    /// department id of <paramref name="city"/> (a village center, an unknown id or none is an error).
    /// <paramref name="period"/>: day, week, month or quarter (case-insensitive; required). <paramref name="at"/>:
    /// YYYY-MM-DD between 2000-01-01 and 2999-12-31, or null/empty for <paramref name="today"/> (the Asia/Shanghai
    /// date now). On failure <paramref name="error"/> names the first offending field; nothing else happens.
    /// </summary>
    public static bool TryParse(string? scope, string? period, string? at, CityModel city, LocalDate today,
        [NotNullWhen(true)] out StatsQuery? query, [NotNullWhen(false)] out FieldError? error)
    {
        query = null;
        if (!StatsInput.TryScope(scope, city, out var kind, out error)) return false;
        if (!StatsInput.TryPeriod(period, out var value, out error)) return false;
        if (!StatsInput.TryDate(at, today, out var date, out error)) return false;
        query = new StatsQuery(scope!, kind.Value, value.Value, date);
        return true;
    }
}
