namespace Dispatch.LoadTests.Api;

/// <summary>A case as POST /cases and GET /cases/{id} return it, the fields the simulator reads.</summary>
public sealed record CaseDto(string Id, string? State, IReadOnlyList<SummonsDto>? Summonses);
