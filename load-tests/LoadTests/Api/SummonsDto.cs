using NodaTime;

namespace Dispatch.LoadTests.Api;

/// <summary>The API's Summons (API.md), the fields the simulator reads; the state stays a string so new states do not break it.</summary>
public sealed record SummonsDto(
    string Id,
    string CaseId,
    string DepartmentId,
    string State,
    Instant IssuedAt,
    Instant AckDueAt,
    Instant ArriveDueAt,
    Instant? AckedAt,
    Instant? ArrivedAt,
    int EscalationLevel,
    string? EscalatedTo,
    int Version);
