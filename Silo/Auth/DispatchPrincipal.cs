using System.Security.Claims;
using Dispatch.Grains.Domain.City;

namespace Dispatch.Silo.Auth;

/// <summary>
/// Turns a validated token's claims into the Dispatch principal the API works with (claims <see cref="DispatchClaims"/>),
/// after checking that its role exists and its scope is a center or department of the loaded city of the right kind
/// (<see cref="PrincipalRules"/>).
/// </summary>
public static class DispatchPrincipal
{
    /// <summary>Where a token keeps the role, scope and name: the silo's own claim names, or an external provider's.</summary>
    public sealed record ClaimNames(string Role, string Scope, string Name)
    {
        public static ClaimNames Own { get; } = new(DispatchClaims.Role, DispatchClaims.Scope, DispatchClaims.Name);
    }

    /// <summary>The principal, or null with a reason safe to show.</summary>
    public static (ClaimsPrincipal? Principal, string? Error) From(ClaimsPrincipal token, ClaimNames names, CityModel city, string scheme)
    {
        var roles = token.FindAll(names.Role).Select(c => c.Value).Where(PrincipalRules.IsRole).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count != 1)
        {
            return (null, roles.Count == 0
                ? $"The token's '{names.Role}' claim names no Dispatch role ({string.Join(", ", PrincipalRules.Roles)})."
                : $"The token's '{names.Role}' claim names more than one Dispatch role.");
        }
        var role = roles[0];
        var scopes = token.FindAll(names.Scope).Select(c => c.Value).Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count > 1)
            return (null, $"The token's '{names.Scope}' claim names more than one scope.");
        var scope = scopes.Count == 1 ? scopes[0] : null;
        if (PrincipalRules.Check(city, role, scope) is { } problem)
            return (null, $"The token's {problem.Field} is not valid in this city: {problem.Message}");

        var name = token.FindFirst(names.Name)?.Value ?? token.FindFirst("preferred_username")?.Value ?? token.FindFirst("sub")?.Value;
        return (Create(role, scope, string.IsNullOrWhiteSpace(name) ? PrincipalRules.DefaultName(city, role, scope) : name,
            token.FindFirst("iss")?.Value, token.FindFirst("sub")?.Value, scheme), null);
    }

    /// <summary>A Dispatch principal for <paramref name="role"/>/<paramref name="scope"/> (the dashboard's sign-in makes one too).</summary>
    public static ClaimsPrincipal Create(string role, string? scope, string name, string? issuer, string? subject, string scheme)
    {
        List<Claim> claims = [new(DispatchClaims.Role, role), new(DispatchClaims.Name, name)];
        if (!string.IsNullOrEmpty(scope))
            claims.Add(new Claim(DispatchClaims.Scope, scope));
        if (!string.IsNullOrEmpty(subject))
            claims.Add(new Claim(DispatchClaims.Subject, $"{issuer}|{subject}"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, DispatchClaims.Name, DispatchClaims.Role));
    }
}
