using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>
/// A summons as the API shows it. <see cref="Version"/> grows with every change, so receivers of copies can
/// ignore stale ones.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.SummonsView")]
public sealed record SummonsView(
    string Id,
    string CaseId,
    string DepartmentId,
    SummonsState State,
    Instant IssuedAt,
    Instant AckDueAt,
    Instant ArriveDueAt,
    Instant? AckedAt,
    Instant? ArrivedAt,
    int EscalationLevel,
    string? EscalatedTo,
    RiskColour Risk,
    Instant? FedBackAt,
    string? Note,
    int Version)
{
    /// <summary>Issued, acknowledged or arrived: the department still owes something.</summary>
    public bool IsOpen => State is SummonsState.Issued or SummonsState.Acknowledged or SummonsState.Arrived;
}
