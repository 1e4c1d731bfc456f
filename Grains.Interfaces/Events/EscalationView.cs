using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Events;

/// <summary>
/// One escalation: <see cref="Kind"/> is ack, arrive (a summons deadline passed), tier (the case's deadline passed),
/// manual, or leader (past the top of the ladder a duty leader took the case).
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.EscalationView")]
public sealed record EscalationView(
    string CaseId,
    string Kind,
    string? SummonsId,
    string? FromDepartmentId,
    string? ToDepartmentId,
    string? NewSummonsId,
    int EscalationLevel,
    string FromCenterId,
    string ToCenterId,
    CenterLevel ToLevel,
    string? Leader,
    Instant? DueAt,
    Instant At,
    string Reason);
