using Orleans;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Cases;

/// <summary>A summons as the case grain stores it (mutable, serialized with the case).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.SummonsRecord")]
public sealed class SummonsRecord
{
    public string Id { get; set; } = "";
    public string DepartmentId { get; set; } = "";
    public SummonsState State { get; set; }
    public RiskColour Risk { get; set; }
    public Instant IssuedAt { get; set; }
    public Instant AckDueAt { get; set; }
    public Instant ArriveDueAt { get; set; }
    public Instant? AckedAt { get; set; }
    public Instant? ArrivedAt { get; set; }
    public Instant? FedBackAt { get; set; }
    public int EscalationLevel { get; set; }
    public string? EscalatedTo { get; set; }
    public Duration? AckWithin { get; set; }
    public Duration? ArriveWithin { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    /// <summary>The request id of the whistle that issued this summons (level 0 only), when the client gave one.</summary>
    public string? WhistleId { get; set; }

    public bool IsOpen => State is SummonsState.Issued or SummonsState.Acknowledged or SummonsState.Arrived;

    /// <summary>The deadline this summons waits on now: acknowledgement while issued, arrival while acknowledged.</summary>
    public Instant? PendingDeadline => State switch
    {
        SummonsState.Issued => AckDueAt,
        SummonsState.Acknowledged => ArriveDueAt,
        _ => null,
    };

    public SummonsView ToView(string caseId) => new(Id, caseId, DepartmentId, State, IssuedAt, AckDueAt, ArriveDueAt, AckedAt,
        ArrivedAt, EscalationLevel, EscalatedTo, Risk, FedBackAt, Note, Version);
}
