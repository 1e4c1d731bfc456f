using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Orleans;

namespace Dispatch.Silo.Auth;

/// <summary>
/// The one place that decides what a principal may read or watch (API.md, Identity), reused by reads, lists, the SSE
/// stream and the SignalR hub:
/// <list type="bullet">
/// <item>admin: everything;</item>
/// <item>dutyLeader (a county): every center and department under its county, and every case of a township there;</item>
/// <item>commissioner (a township): its township and its villages, their departments, and the cases of its township;</item>
/// <item>department: itself, and the cases it is summoned to;</item>
/// <item>gridWorker (a grid): the cases it reported itself (same grid and name), nothing else.</item>
/// </list>
/// </summary>
public sealed class ScopeAuthorizer(CityModel city, IGrainFactory grains)
{
    /// <summary>May <paramref name="actor"/> read or list this center?</summary>
    public bool CanReadCenter(Actor actor, string centerId) => actor.Role switch
    {
        Actor.Admin => true,
        Actor.Commissioner or Actor.DutyLeader => actor.Scope is not null && IsWithin(centerId, actor.Scope),
        _ => false,
    };

    /// <summary>May <paramref name="actor"/> read this department's summonses?</summary>
    public bool CanReadDepartment(Actor actor, string departmentId) => actor.Role switch
    {
        Actor.Admin => true,
        Actor.Department => actor.Scope == departmentId,
        _ => city.TryGetDepartment(departmentId, out var department) && CanReadCenter(actor, department.CenterId),
    };

    /// <summary>May <paramref name="actor"/> read this case?</summary>
    public bool CanReadCase(Actor actor, CaseView view) => actor.Role switch
    {
        Actor.Department => view.Summonses.Any(s => s.DepartmentId == actor.Scope),
        Actor.GridWorker => actor.IsSamePrincipal(view.ReportedBy),
        _ => CanReadCaseAt(actor, view.TownshipId, view.CenterId),
    };

    /// <summary>May <paramref name="actor"/> see this case in a list (departments see cases through their summonses only).</summary>
    public bool CanReadCase(Actor actor, CaseSummary summary) => CanReadCaseAt(actor, summary.TownshipId, summary.CenterId);

    /// <summary>
    /// May <paramref name="actor"/> watch <paramref name="scope"/> (a center, department or case id) live?
    /// <see cref="ScopeAccess.Unknown"/> when no center, department or case has that id.
    /// </summary>
    public async Task<ScopeAccess> CanWatchAsync(Actor actor, string scope)
    {
        if (city.TryGetCenter(scope, out _))
            return Access(CanReadCenter(actor, scope));
        if (city.TryGetDepartment(scope, out _))
            return Access(CanReadDepartment(actor, scope));
        if (!CaseId.TryParse(scope, out _, out _))
            return ScopeAccess.Unknown;
        var view = await grains.GetGrain<ICaseGrain>(scope).Get();
        return view is null ? ScopeAccess.Unknown : Access(CanReadCase(actor, view));
    }

    /// <summary>The center whose cases a principal sees when it names none: the city for admin, its own center otherwise; null for a department or grid worker.</summary>
    public string? HomeCenter(Actor actor) => actor.Role switch
    {
        Actor.Admin => city.City.Id,
        Actor.Commissioner or Actor.DutyLeader => actor.Scope,
        _ => null,
    };

    private bool CanReadCaseAt(Actor actor, string townshipId, string centerId) => actor.Role switch
    {
        Actor.Admin => true,
        Actor.Commissioner => actor.Scope == townshipId,
        Actor.DutyLeader => actor.Scope is not null && (IsWithin(townshipId, actor.Scope) || IsWithin(centerId, actor.Scope)),
        _ => false,
    };

    /// <summary>True when <paramref name="centerId"/> is <paramref name="ancestorId"/> or lies under it.</summary>
    private bool IsWithin(string centerId, string ancestorId) =>
        city.TryGetCenter(centerId, out _) && city.AncestorsAndSelf(centerId).Any(c => c.Id == ancestorId);

    private static ScopeAccess Access(bool allowed) => allowed ? ScopeAccess.Allowed : ScopeAccess.Forbidden;
}
