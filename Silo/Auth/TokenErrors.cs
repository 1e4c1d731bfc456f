using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Silo.Auth;

/// <summary>Why a token was refused, in words safe to show a caller (IdentityModel's own messages are not meant for them).</summary>
public static class TokenErrors
{
    public static string Describe(Exception? error) => error switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet (nbf).",
        SecurityTokenNoExpirationException => "The token has no expiry (exp).",
        SecurityTokenInvalidAudienceException => "The token is not meant for this API (aud).",
        SecurityTokenInvalidIssuerException => "The token's issuer (iss) is not trusted here.",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
        SecurityTokenMalformedException or ArgumentException => "The token is not a well-formed JWT.",
        AuthenticationFailureException failure => failure.Message,
        InvalidOperationException => "The identity provider's signing keys could not be fetched; try again.",
        _ => "The token is not valid.",
    };
}
