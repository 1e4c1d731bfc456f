using NodaTime;

namespace Dispatch.LoadTests.Analysis;

/// <summary>A summons still waiting on a deadline that had passed (by more than the tolerance) when the store was read.</summary>
public sealed record MissedDeadline(string CaseId, string SummonsId, string DepartmentId, string State, Instant DueAt);
