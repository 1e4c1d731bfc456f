namespace Dispatch.LoadTests.Analysis;

/// <summary>One duplicate: what, in which case, and the ids involved.</summary>
public sealed record DuplicateFinding(DuplicateKind Kind, string CaseId, string Subject, IReadOnlyList<string> Ids);
