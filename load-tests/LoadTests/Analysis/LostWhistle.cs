namespace Dispatch.LoadTests.Analysis;

/// <summary>An accepted whistle some of whose summonses never showed, live or in the store.</summary>
public sealed record LostWhistle(int Index, string CaseId, IReadOnlyList<string> MissingSummonsIds, string Reason);
