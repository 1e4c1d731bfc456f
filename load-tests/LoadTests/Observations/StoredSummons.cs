using NodaTime;

namespace Dispatch.LoadTests.Observations;

/// <summary>A summons as GET /api/v1/cases/{id} showed it after the run.</summary>
public sealed record StoredSummons(
    string Id,
    string DepartmentId,
    string State,
    int EscalationLevel,
    string? EscalatedTo,
    Instant IssuedAt,
    Instant AckDueAt,
    Instant ArriveDueAt,
    Instant? AckedAt,
    Instant? ArrivedAt);
