using NodaTime;

namespace Dispatch.LoadTests.Api;

/// <summary>The payload of a live <c>escalation</c> event, the fields the simulator reads.</summary>
public sealed record EscalationDto(
    string CaseId,
    string Kind,
    string? SummonsId,
    string? FromDepartmentId,
    string? ToDepartmentId,
    string? NewSummonsId,
    int EscalationLevel,
    Instant? DueAt,
    Instant At);
