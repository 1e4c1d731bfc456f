namespace Dispatch.Silo.Options;

/// <summary>Bearer tokens (configuration section "Auth").</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The file a generated signing key is kept in, beside the SQLite database.</summary>
    public const string GeneratedKeyFileName = "signing.key";

    /// <summary>
    /// Whether POST /api/v1/auth/dev-token hands out tokens to anyone. Default: true only for the embedded default
    /// store (SQLite with no connection string configured); false otherwise unless set explicitly.
    /// </summary>
    public bool? DevTokens { get; set; }

    /// <summary>
    /// The HMAC-SHA256 key tokens are signed with, base64, at least 32 bytes. When absent with SQLite, a key is
    /// generated once and kept in <see cref="GeneratedKeyFileName"/> beside the database file; required with PostgreSQL.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a dev token is valid (default 30 days).</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether dev tokens are on, given the store.</summary>
    public bool DevTokensEnabled(StorageOptions storage) => DevTokens ?? storage.IsEmbeddedDefault;
}
