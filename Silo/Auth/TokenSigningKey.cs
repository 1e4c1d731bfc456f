using Microsoft.IdentityModel.Tokens;

namespace Dispatch.Silo.Auth;

/// <summary>The HMAC-SHA256 (HS256) key the silo's JWTs are signed with (at least <see cref="MinimumBytes"/> bytes).</summary>
public sealed class TokenSigningKey
{
    public const int MinimumBytes = 32;

    private readonly byte[] _key;

    private TokenSigningKey(byte[] key, string source)
    {
        _key = key;
        Source = source;
    }

    /// <summary>Where the key came from, for messages ("Auth:SigningKey", or the key file's path); never the key.</summary>
    public string Source { get; }

    internal ReadOnlySpan<byte> Bytes => _key;

    /// <summary>The key as IdentityModel takes it, for signing and validating HS256 JWTs.</summary>
    internal SymmetricSecurityKey SecurityKey => new(_key);

    /// <summary>Decodes a base64 key; null with an error message when it is not base64 or too short.</summary>
    public static TokenSigningKey? FromBase64(string text, string source, out string? error)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            error = $"{source}: the signing key is not base64.";
            return null;
        }
        if (key.Length < MinimumBytes)
        {
            error = $"{source}: the signing key has {key.Length} bytes; at least {MinimumBytes} are needed.";
            return null;
        }
        error = null;
        return new TokenSigningKey(key, source);
    }

    /// <summary>A new random key, as base64.</summary>
    public static string GenerateBase64() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(MinimumBytes));
}
