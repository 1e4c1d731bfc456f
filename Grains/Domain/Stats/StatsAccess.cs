using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>
/// Who may read which statistics, rankings and reports (the API's role table applied to evaluation): an admin reads
/// everything; a duty leader everything under their county (the county, its townships, and the departments of the
/// county and of every center under it) and the county's reports; a commissioner their township and the departments
/// of the township and its villages; a department only its own statistics. Anything else is forbidden (403) — in
/// particular a department asking for another's statistics.
/// </summary>
public static class StatsAccess
{
    /// <summary>True when <paramref name="actor"/> may read the statistics of <paramref name="scope"/>, or a ranking under it.</summary>
    public static bool MayRead(Actor actor, string scope, CityModel city)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role == Actor.Admin) return true;
        if (actor.Scope is null) return false;
        return actor.Role switch
        {
            Actor.Department => actor.Scope == scope,
            Actor.Commissioner => IsAtOrUnder(city, scope, actor.Scope, CenterLevel.Township),
            Actor.DutyLeader => IsAtOrUnder(city, scope, actor.Scope, CenterLevel.County),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="actor"/> may list and download the cadence reports of <paramref name="countyId"/>.</summary>
    public static bool MayReadReports(Actor actor, string countyId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == Actor.Admin || (actor.Role == Actor.DutyLeader && actor.Scope == countyId);
    }

    /// <summary>
    /// True when <paramref name="actor"/> may produce a cadence report of <paramref name="countyId"/> on demand (the period so
    /// far, replacing a stored report of that period): whoever may read the county's reports — its duty leader, admin.
    /// A report is a snapshot of figures they may read anyway; producing it again only refreshes it.
    /// </summary>
    public static bool MayProduceReports(Actor actor, string countyId) => MayReadReports(actor, countyId);

    /// <summary>The scope is the principal's center (of the expected level) or a center or department under it.</summary>
    private static bool IsAtOrUnder(CityModel city, string scope, string principal, CenterLevel level)
    {
        if (!city.TryGetCenter(principal, out var own) || own.Level != level) return false;
        var center = city.TryGetDepartment(scope, out var department) ? department.CenterId : scope;
        return city.TryGetCenter(center, out _) && city.AncestorsAndSelf(center).Any(c => c.Id == principal);
    }
}
