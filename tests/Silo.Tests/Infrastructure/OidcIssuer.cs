using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>
/// A small OpenID Connect-shaped identity provider on Kestrel on loopback: <c>/.well-known/openid-configuration</c>
/// naming its issuer and <c>jwks_uri</c>, the JWKS with one RSA public key, and RS256 tokens signed with that key.
/// </summary>
public sealed class OidcIssuer : IAsyncDisposable
{
    public const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly RSA _rsa;

    private OidcIssuer(WebApplication app, RSA rsa, string issuer)
    {
        _app = app;
        _rsa = rsa;
        Issuer = issuer;
    }

    /// <summary>The issuer URL (the silo's Auth:Authority).</summary>
    public string Issuer { get; }

    public static async Task<OidcIssuer> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = KeyId });
        string? issuer = null;
        app.MapGet("/realms/city/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer!,
            ["jwks_uri"] = $"{issuer}/protocol/openid-connect/certs",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
        }));
        app.MapGet("/realms/city/protocol/openid-connect/certs", () => Results.Json(new
        {
            keys = new[] { new { kty = jwk.Kty, use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } },
        }));
        await app.StartAsync();
        issuer = $"{app.Urls.First().TrimEnd('/')}/realms/city";
        return new OidcIssuer(app, rsa, issuer);
    }

    /// <summary>
    /// An RS256 token with <paramref name="claims"/>, issued now and expiring at <paramref name="expires"/>, for
    /// <paramref name="audience"/>; signed with the issuer's key, or with <paramref name="signWith"/> (a forgery).
    /// </summary>
    public string Token(Instant now, Instant expires, string audience, IDictionary<string, object> claims, string? issuer = null, RSA? signWith = null)
    {
        var key = new RsaSecurityKey(signWith ?? _rsa) { KeyId = KeyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = now.ToDateTimeUtc(),
            NotBefore = now.ToDateTimeUtc(),
            Expires = expires.ToDateTimeUtc(),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
