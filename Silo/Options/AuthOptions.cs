namespace Dispatch.Silo.Options;

/// <summary>Bearer tokens: the silo's own JWTs and, optionally, an external OpenID Connect provider's (configuration section "Auth").</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The file a generated signing key is kept in, beside the SQLite database.</summary>
    public const string GeneratedKeyFileName = "signing.key";

    /// <summary>Default <see cref="RoleClaim"/>: a claim a provider adds for Dispatch (OIDC's own <c>scope</c> and <c>roles</c> mean other things).</summary>
    public const string DefaultRoleClaim = "dispatch_role";

    /// <summary>Default <see cref="ScopeClaim"/>.</summary>
    public const string DefaultScopeClaim = "dispatch_scope";

    /// <summary>Default <see cref="NameClaim"/>; <c>preferred_username</c>, then <c>sub</c>, when a token has none.</summary>
    public const string DefaultNameClaim = "name";

    /// <summary>
    /// Whether POST /api/v1/auth/dev-token hands out tokens to anyone. Default: true only for the embedded default
    /// store (SQLite with no connection string configured); false otherwise unless set explicitly.
    /// </summary>
    public bool? DevTokens { get; set; }

    /// <summary>
    /// The HMAC-SHA256 (HS256) key the silo's own JWTs are signed with, base64, at least 32 bytes. When absent with
    /// SQLite, a key is generated once and kept in <see cref="GeneratedKeyFileName"/> beside the database file; required
    /// with PostgreSQL.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a dev token is valid (default 30 days).</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// An external OpenID Connect provider (its issuer URL, e.g. https://sso.example.gov.cn/realms/city) whose tokens the
    /// silo accepts beside its own, validated against its discovery document and JWKS. Null: only the silo's own tokens.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The audience (<c>aud</c>) the provider's tokens must carry; required with <see cref="Authority"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>The provider's claim that holds the Dispatch role (a string or an array containing exactly one Dispatch role).</summary>
    public string RoleClaim { get; set; } = DefaultRoleClaim;

    /// <summary>The provider's claim that holds the principal's scope (a township, department or county id).</summary>
    public string ScopeClaim { get; set; } = DefaultScopeClaim;

    /// <summary>The provider's claim that holds the display name.</summary>
    public string NameClaim { get; set; } = DefaultNameClaim;

    /// <summary>
    /// Whether the provider's metadata must come over HTTPS. Default: yes, except for a loopback authority
    /// (http://127.0.0.1, http://localhost); set false explicitly to allow plain http elsewhere.
    /// </summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Whether dev tokens are on, given the store.</summary>
    public bool DevTokensEnabled(StorageOptions storage) => DevTokens ?? storage.IsEmbeddedDefault;

    /// <summary>Whether an external provider is configured.</summary>
    public bool HasAuthority => !string.IsNullOrWhiteSpace(Authority);

    /// <summary><see cref="RequireHttpsMetadata"/> with its default applied.</summary>
    public bool RequiresHttpsMetadata() =>
        RequireHttpsMetadata ?? !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.IsLoopback);

    /// <summary>Null when the external-provider settings hang together; otherwise why not.</summary>
    public string? Problem()
    {
        if (!HasAuthority)
            return null;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return $"Auth:Authority '{Authority}' is not an absolute http(s) URL.";
        if (uri.Scheme == Uri.UriSchemeHttp && RequiresHttpsMetadata())
            return $"Auth:Authority '{Authority}' is plain http: use https, or set Auth:RequireHttpsMetadata=false (allowed without it only on loopback).";
        if (string.IsNullOrWhiteSpace(Audience))
            return "Auth:Audience is required with Auth:Authority: the aud the provider's tokens carry for this API.";
        if (string.IsNullOrWhiteSpace(RoleClaim) || string.IsNullOrWhiteSpace(ScopeClaim) || string.IsNullOrWhiteSpace(NameClaim))
            return "Auth:RoleClaim, Auth:ScopeClaim and Auth:NameClaim must not be empty.";
        return null;
    }
}
