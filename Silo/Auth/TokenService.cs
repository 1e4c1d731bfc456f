using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace Dispatch.Silo.Auth;

/// <summary>
/// The silo's own bearer tokens: standard JWTs signed HS256 with the configured key (<see cref="TokenSigningKey"/>),
/// issuer <see cref="Issuer"/>, audience <see cref="Audience"/>, claims <c>role</c>, <c>scope</c> (absent for admin),
/// <c>name</c>, <c>iat</c> and <c>exp</c> (Unix seconds). Expiry is checked against the silo's <see cref="IClock"/>.
/// </summary>
public sealed class TokenService(TokenSigningKey key, IClock clock)
{
    /// <summary>The <c>iss</c> of the silo's tokens.</summary>
    public const string Issuer = "dispatch";

    /// <summary>The <c>aud</c> of the silo's tokens.</summary>
    public const string Audience = "dispatch-api";

    /// <summary>The longest token accepted, in characters.</summary>
    public const int MaxLength = 8192;

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false, MapInboundClaims = false };

    /// <summary>A token for <paramref name="role"/>/<paramref name="scope"/> valid for <paramref name="lifetime"/> from now.</summary>
    public string Issue(string role, string? scope, string name, Duration lifetime) =>
        Issue(role, scope, name, clock.GetCurrentInstant() + lifetime);

    /// <summary>A token for <paramref name="role"/>/<paramref name="scope"/> valid until <paramref name="expiresAt"/> (to the second).</summary>
    public string Issue(string role, string? scope, string name, Instant expiresAt)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [DispatchClaims.Role] = role,
            [DispatchClaims.Name] = name,
        };
        if (!string.IsNullOrEmpty(scope))
            claims[DispatchClaims.Scope] = scope;
        var now = clock.GetCurrentInstant();
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now < expiresAt ? now.ToDateTimeUtc() : null,
            Expires = expiresAt.ToDateTimeUtc(),
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>How the silo's own tokens are validated (the "Bearer" scheme uses the same parameters).</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key.SecurityKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = TokenLifetime.Validator(clock),
        NameClaimType = DispatchClaims.Name,
        RoleClaimType = DispatchClaims.Role,
    };

    /// <summary>
    /// Validates one of the silo's tokens (signature, issuer, audience, expiry); the principal it names, or null with a
    /// reason safe to show. The scope is not checked against the city here (<see cref="PrincipalRules"/> does that).
    /// </summary>
    public async Task<(ClaimsPrincipal? Principal, string? Error)> ValidateAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
            return (null, "The token is empty or too long.");
        var result = await Handler.ValidateTokenAsync(token, ValidationParameters());
        return result.IsValid
            ? (new ClaimsPrincipal(result.ClaimsIdentity), null)
            : (null, TokenErrors.Describe(result.Exception));
    }
}
