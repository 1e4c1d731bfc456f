using System.Diagnostics.CodeAnalysis;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>Which ids are statistics scopes, and what lies under a scope (pure lookups on the city).</summary>
public static class StatsScopes
{
    /// <summary>
    /// The kind of scope <paramref name="id"/> names: a township, county or city center, or a department. False for
    /// an unknown id and for a village center (villages have no statistics of their own: cases count for their township).
    /// </summary>
    public static bool TryResolve(CityModel city, string? id, [NotNullWhen(true)] out StatsScopeKind? kind)
    {
        kind = null;
        if (id is null) return false;
        if (city.TryGetDepartment(id, out _))
        {
            kind = StatsScopeKind.Department;
            return true;
        }
        if (!city.TryGetCenter(id, out var center)) return false;
        kind = center.Level switch
        {
            CenterLevel.City => StatsScopeKind.City,
            CenterLevel.County => StatsScopeKind.County,
            CenterLevel.Township => StatsScopeKind.Township,
            _ => null,
        };
        return kind is not null;
    }

    /// <summary>The kind of a scope that must exist.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a statistics scope.</exception>
    public static StatsScopeKind Resolve(CityModel city, string id) => TryResolve(city, id, out var kind)
        ? kind.Value
        : throw new ArgumentException($"'{id}' is not a township, county or city center nor a department.", nameof(id));

    /// <summary>The townships at or under a center, in city-file order (a township yields itself).</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public static IReadOnlyList<CenterDef> TownshipsUnder(CityModel city, string centerId)
    {
        city.GetCenter(centerId);
        return city.Centers
            .Where(c => c.Level == CenterLevel.Township && city.AncestorsAndSelf(c.Id).Any(a => a.Id == centerId))
            .ToList();
    }

    /// <summary>The departments of a center and of every center under it, in city-file order.</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public static IReadOnlyList<DepartmentDef> DepartmentsUnder(CityModel city, string centerId)
    {
        city.GetCenter(centerId);
        return city.Departments.Where(d => city.AncestorsAndSelf(d.CenterId).Any(a => a.Id == centerId)).ToList();
    }

    /// <summary>The display name of a scope: its center's or department's name, or the id itself when unknown.</summary>
    public static string NameOf(CityModel city, string id) =>
        city.TryGetCenter(id, out var center) ? center.Name : city.TryGetDepartment(id, out var d) ? d.Name : id;
}
