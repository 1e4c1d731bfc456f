using NodaTime;

namespace Dispatch.LoadTests.Observations;

/// <summary>A summons as the whistle's response returned it.</summary>
public sealed record IssuedSummons(string Id, string CaseId, string DepartmentId, int EscalationLevel, Instant IssuedAt, Instant AckDueAt, Instant ArriveDueAt);
