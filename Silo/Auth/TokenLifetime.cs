using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace Dispatch.Silo.Auth;

/// <summary>Token lifetimes checked against the silo's <see cref="IClock"/> (not the machine's), so tests can move time.</summary>
public static class TokenLifetime
{
    public static LifetimeValidator Validator(IClock clock) => (notBefore, expires, _, parameters) =>
    {
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        if (expires is null)
            throw new SecurityTokenNoExpirationException("The token has no expiry (exp).");
        if (notBefore is { } from && from.ToUniversalTime() > now + parameters.ClockSkew)
            throw new SecurityTokenNotYetValidException("The token is not valid yet (nbf).");
        if (expires.Value.ToUniversalTime() <= now - parameters.ClockSkew)
            throw new SecurityTokenExpiredException("The token has expired.");
        return true;
    };
}
