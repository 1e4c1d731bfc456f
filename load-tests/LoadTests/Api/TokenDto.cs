namespace Dispatch.LoadTests.Api;

/// <summary>POST /api/v1/auth/dev-token's answer.</summary>
public sealed record TokenDto(string Token);
