using Dispatch.Grains.Interfaces.Cases;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Silo.Auth;

/// <summary>Authorization policies by role (API.md, Identity); scope checks come on top, in the API and the grains.</summary>
public static class Policies
{
    /// <summary>Commissioners (and admin): report, triage, whistle, resolve, close, follow up.</summary>
    public const string Commissioner = "commissioner";

    /// <summary>Duty leaders (and admin): escalate, supervise, take a case.</summary>
    public const string DutyLeader = "dutyLeader";

    /// <summary>Departments (and admin): act on their own summonses.</summary>
    public const string Department = "department";

    public static AuthorizationBuilder AddDispatchPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Commissioner, p => p.RequireRole(Actor.Commissioner, Actor.Admin))
        .AddPolicy(DutyLeader, p => p.RequireRole(Actor.DutyLeader, Actor.Admin))
        .AddPolicy(Department, p => p.RequireRole(Actor.Department, Actor.Admin));
}
