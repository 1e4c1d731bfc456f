using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace Dispatch.Silo.Auth;

/// <summary>
/// Issues and validates bearer tokens of the form <c>dsp1.&lt;base64url(payload json)&gt;.&lt;base64url(signature)&gt;</c>,
/// where the signature is HMAC-SHA256 over the ASCII text <c>dsp1.&lt;payload&gt;</c> with the configured key and
/// the payload is <c>{ "role", "scope", "name", "exp" }</c> (exp in Unix seconds). Expiry is checked against the
/// silo's <see cref="IClock"/>.
/// </summary>
public sealed class TokenService(TokenSigningKey key, IClock clock)
{
    public const string Prefix = "dsp1";

    /// <summary>The longest token accepted, in characters.</summary>
    public const int MaxLength = 4096;

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>A token for <paramref name="role"/>/<paramref name="scope"/> valid for <paramref name="lifetime"/> from now.</summary>
    public string Issue(string role, string? scope, string name, Duration lifetime) =>
        Issue(role, scope, name, clock.GetCurrentInstant() + lifetime);

    /// <summary>A token for <paramref name="role"/>/<paramref name="scope"/> valid until <paramref name="expiresAt"/> (to the second).</summary>
    public string Issue(string role, string? scope, string name, Instant expiresAt)
    {
        var payload = new TokenPayload(role, scope, name, expiresAt.ToUnixTimeSeconds());
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadJson));
        var signed = $"{Prefix}.{body}";
        return $"{signed}.{Base64Url.EncodeToString(Sign(signed))}";
    }

    /// <summary>The expiry of a payload as an instant.</summary>
    public static Instant ExpiresAt(TokenPayload payload) => Instant.FromUnixTimeSeconds(payload.Exp);

    /// <summary>Checks the form, the signature and the expiry; on failure <paramref name="error"/> says why (safe to show).</summary>
    public bool TryValidate(string token, out TokenPayload? payload, out string? error)
    {
        payload = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
            return Fail("The token is empty or too long.", out error);
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Prefix)
            return Fail($"The token is not a {Prefix} token.", out error);

        byte[] signature, body;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
            body = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return Fail("The token is not base64url.", out error);
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign($"{parts[0]}.{parts[1]}")))
            return Fail("The token's signature is not valid.", out error);

        try
        {
            payload = JsonSerializer.Deserialize<TokenPayload>(body, PayloadJson);
        }
        catch (JsonException)
        {
            payload = null;
        }
        if (payload is null || string.IsNullOrEmpty(payload.Role) || string.IsNullOrEmpty(payload.Name))
        {
            payload = null;
            return Fail("The token's payload is malformed.", out error);
        }
        if (ExpiresAt(payload) <= clock.GetCurrentInstant())
        {
            payload = null;
            return Fail("The token has expired.", out error);
        }
        error = null;
        return true;
    }

    private byte[] Sign(string text) => HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(text));

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
