namespace Dispatch.Grains.Interfaces.Events;

/// <summary>Live event "escalation".</summary>
public sealed record EscalationRaised(EscalationView Escalation, IReadOnlyList<string> Scopes);
