using System.Security.Claims;
using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Silo.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The grain-side <see cref="Actor"/> (role, scope, name) of an authenticated principal.</summary>
    /// <exception cref="InvalidOperationException">The principal carries no role (not authenticated by <see cref="BearerTokenHandler"/>).</exception>
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var role = principal.FindFirstValue(DispatchClaims.Role)
            ?? throw new InvalidOperationException("The principal has no role claim.");
        var scope = principal.FindFirstValue(DispatchClaims.Scope);
        var name = principal.FindFirstValue(DispatchClaims.Name) ?? role;
        return new Actor(role, string.IsNullOrEmpty(scope) ? null : scope, name);
    }
}
