using Orleans;
namespace Dispatch.Grains.Interfaces.Events;

/// <summary>Live event "escalation".</summary>
[GenerateSerializer, Immutable, Alias("dispatch.EscalationRaised")]
public sealed record EscalationRaised(EscalationView Escalation, IReadOnlyList<string> Scopes);
