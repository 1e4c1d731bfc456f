using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Silo.Auth;

/// <summary>Which roles exist and which scope each takes (API.md, Identity).</summary>
public static class PrincipalRules
{
    /// <summary>The roles a token may carry.</summary>
    public static IReadOnlyList<string> Roles { get; } = [Actor.Commissioner, Actor.Department, Actor.DutyLeader, Actor.Admin, Actor.GridWorker];

    /// <summary>True for one of <see cref="Roles"/> (case-sensitive).</summary>
    public static bool IsRole(string? role) => role is not null && Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>
    /// Null when <paramref name="scope"/> suits <paramref name="role"/> in <paramref name="city"/>: commissioner → a
    /// township center, department → a department, dutyLeader → a county center, gridWorker → a grid, admin → none. Otherwise the field at
    /// fault ("role" or "scope") and why.
    /// </summary>
    public static (string Field, string Message)? Check(CityModel city, string? role, string? scope)
    {
        if (!IsRole(role))
            return ("role", $"Unknown role; use one of: {string.Join(", ", Roles)}.");
        if (role == Actor.Admin)
            return string.IsNullOrEmpty(scope) ? null : ("scope", "The admin role has no scope.");
        if (string.IsNullOrEmpty(scope))
            return ("scope", $"The {role} role needs a scope.");
        return role switch
        {
            Actor.Commissioner => IsCenter(city, scope, CenterLevel.Township) ? null : ("scope", "A commissioner's scope must be a township center id."),
            Actor.DutyLeader => IsCenter(city, scope, CenterLevel.County) ? null : ("scope", "A duty leader's scope must be a county center id."),
            Actor.GridWorker => city.TryGetGrid(scope, out _) ? null : ("scope", "A grid worker's scope must be a grid id."),
            _ => city.TryGetDepartment(scope, out _) ? null : ("scope", "A department's scope must be a department id."),
        };
    }

    /// <summary>A display name for a principal that was not given one.</summary>
    public static string DefaultName(CityModel city, string role, string? scope) => role switch
    {
        Actor.Commissioner when scope is not null && city.TryGetCenter(scope, out var township) => $"{township.Name}政法委员",
        Actor.DutyLeader when scope is not null && city.TryGetCenter(scope, out var county) => $"{county.Name}值班领导",
        Actor.Department when scope is not null && city.TryGetDepartment(scope, out var department) => department.Name,
        Actor.GridWorker when scope is not null && city.TryGetGrid(scope, out var grid) => $"{grid.Name}网格员",
        _ => role,
    };

    private static bool IsCenter(CityModel city, string id, CenterLevel level) =>
        city.TryGetCenter(id, out var center) && center.Level == level;
}
