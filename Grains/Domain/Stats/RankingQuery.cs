using Dispatch.Grains.Interfaces.Faults;
using System.Diagnostics.CodeAnalysis;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>
/// A validated ranking query (GET /api/v1/stats/ranking?scope=&amp;period=&amp;at=&amp;by=): ask
/// <c>IStatsGrain</c>(<see cref="Scope"/>).Ranking(<see cref="Period"/>, <see cref="At"/>, <see cref="By"/>).
/// </summary>
/// <param name="Scope">A township, county or city center id.</param>
/// <param name="Kind">What <see cref="Scope"/> names.</param>
/// <param name="Period">Day, week, month or quarter.</param>
/// <param name="At">A local date in the period.</param>
/// <param name="By">Rank the departments or the townships under <see cref="Scope"/>.</param>
public sealed record RankingQuery(string Scope, StatsScopeKind Kind, StatsPeriod Period, LocalDate At, RankBy By)
{
    /// <summary>The local dates of the period (inclusive).</summary>
    public DateInterval Dates => StatsPeriods.Range(Period, At);

    /// <summary>
    /// Validates the raw query parameters as <see cref="StatsQuery.TryParse"/> does, plus <paramref name="by"/>:
    /// department or township (case-insensitive; required). Townships are ranked under a county or the city;
    /// departments under a township, a county or the city; a department scope is an error.
    /// </summary>
    public static bool TryParse(string? scope, string? period, string? at, string? by, CityModel city, LocalDate today,
        [NotNullWhen(true)] out RankingQuery? query, [NotNullWhen(false)] out FieldError? error)
    {
        query = null;
        if (!StatsInput.TryScope(scope, city, out var kind, out error)) return false;
        if (!StatsInput.TryPeriod(period, out var value, out error)) return false;
        if (!StatsInput.TryDate(at, today, out var date, out error)) return false;
        RankBy? rankBy = by?.Trim().ToLowerInvariant() switch
        {
            "department" => RankBy.Department,
            "township" => RankBy.Township,
            _ => null,
        };
        if (rankBy is null)
        {
            error = new FieldError("by", string.IsNullOrWhiteSpace(by)
                ? Fault.Of("byRequired")
                : Fault.Of("notRanking", ("by", by)));
            return false;
        }
        if (!Allows(kind.Value, rankBy.Value))
        {
            error = new FieldError("scope", rankBy == RankBy.Township
                ? Fault.Of("townshipRanking", ("scope", scope), ("kind", Describe(kind.Value)))
                : Fault.Of("departmentRanking", ("scope", scope)));
            return false;
        }
        query = new RankingQuery(scope!, kind.Value, value.Value, date, rankBy.Value);
        return true;
    }

    /// <summary>True when a scope of <paramref name="kind"/> can rank <paramref name="by"/>.</summary>
    public static bool Allows(StatsScopeKind kind, RankBy by) => by switch
    {
        RankBy.Township => kind is StatsScopeKind.County or StatsScopeKind.City,
        _ => kind is not StatsScopeKind.Department,
    };

    private static string Describe(StatsScopeKind kind) => kind switch
    {
        StatsScopeKind.Township => "township",
        StatsScopeKind.Department => "department",
        StatsScopeKind.County => "county",
        _ => "city",
    };
}
