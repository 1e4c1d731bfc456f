namespace Dispatch.LoadTests.Observations;

/// <summary>A case read back after the run (<see cref="Error"/> set when it could not be read).</summary>
public sealed record StoredCase(string CaseId, IReadOnlyList<StoredSummons> Summonses, string? Error);
