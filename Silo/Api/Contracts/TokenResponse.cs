using NodaTime;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>A bearer token and what it says.</summary>
public sealed record TokenResponse(string Token, string Role, string? Scope, string Name, Instant ExpiresAt);
