namespace Dispatch.Silo.Api.Contracts;

/// <summary>GET /health when ready.</summary>
public sealed record HealthResponse(string Status, string Store);
