using Dispatch.Grains.Interfaces.Cases;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Silo.Auth;

/// <summary>Authorization policies by role (API.md, Identity); scope checks come on top, in the API and the grains.</summary>
public static class Policies
{
    /// <summary>Commissioners (and admin): report cases.</summary>
    public const string Commissioner = "commissioner";

    /// <summary>Who reports cases: commissioners (their township's grids), grid workers (their own grid) and admin.</summary>
    public const string Reporter = "reporter";

    /// <summary>Who adds notes to a case: its handlers, the grid worker who reported it, and admin (the case grain decides which case).</summary>
    public const string Annotator = "annotator";

    /// <summary>
    /// Who handles a case (triage, whistle, resolve, close, follow up): commissioners, duty leaders and admin; which of
    /// them may, for a given case, depends on the center holding it (the case grain decides, see CaseActors).
    /// </summary>
    public const string CaseHandler = "caseHandler";

    /// <summary>Duty leaders (and admin): escalate, supervise, take a case.</summary>
    public const string DutyLeader = "dutyLeader";

    /// <summary>Departments (and admin): act on their own summonses.</summary>
    public const string Department = "department";

    /// <summary>Admin only: the Orleans dashboard at /orleans.</summary>
    public const string Admin = "admin";

    private static readonly Dictionary<string, string[]> RolesByPolicy = new(StringComparer.Ordinal)
    {
        [Commissioner] = [Actor.Commissioner, Actor.Admin],
        [Reporter] = [Actor.Commissioner, Actor.GridWorker, Actor.Admin],
        [Annotator] = [Actor.Commissioner, Actor.DutyLeader, Actor.GridWorker, Actor.Admin],
        [CaseHandler] = [Actor.Commissioner, Actor.DutyLeader, Actor.Admin],
        [DutyLeader] = [Actor.DutyLeader, Actor.Admin],
        [Department] = [Actor.Department, Actor.Admin],
        [Admin] = [Actor.Admin],
    };

    /// <summary>The roles a policy admits.</summary>
    /// <exception cref="KeyNotFoundException">No such policy.</exception>
    public static IReadOnlyList<string> RolesOf(string policy) => RolesByPolicy[policy];

    /// <summary>True when <paramref name="role"/> satisfies <paramref name="policy"/>: the same rule the endpoints apply.</summary>
    public static bool Allows(string policy, string role) => RolesOf(policy).Contains(role, StringComparer.Ordinal);

    public static AuthorizationBuilder AddDispatchPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in RolesByPolicy)
            builder.AddPolicy(policy, p => p.RequireRole(roles));
        return builder;
    }
}
