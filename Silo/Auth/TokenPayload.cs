using System.Text.Json.Serialization;

namespace Dispatch.Silo.Auth;

/// <summary>What a token says: the principal's role, scope and name, and when it expires (Unix seconds, UTC).</summary>
public sealed record TokenPayload(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("exp")] long Exp);
