using Dispatch.Grains.Interfaces.Events;

namespace Dispatch.Silo.Live;

/// <summary>A domain event as the live channels send it: its type (case, summons, escalation), payload and scopes.</summary>
public sealed record LiveEvent(string Type, object Payload, IReadOnlyList<string> Scopes)
{
    public const string Case = "case";
    public const string Summons = "summons";
    public const string Escalation = "escalation";

    /// <summary>The live form of a published event; null for events the live channels do not carry.</summary>
    public static LiveEvent? From(object domainEvent) => domainEvent switch
    {
        CaseChanged e => new LiveEvent(Case, e.Case, e.Scopes),
        SummonsChanged e => new LiveEvent(Summons, e.Summons, e.Scopes),
        EscalationRaised e => new LiveEvent(Escalation, e.Escalation, e.Scopes),
        _ => null,
    };

    /// <summary>True when <paramref name="domainEvent"/> is a live event about <paramref name="scope"/>.</summary>
    public static bool Concerns(object domainEvent, string scope) => domainEvent switch
    {
        CaseChanged e => e.Scopes.Contains(scope),
        SummonsChanged e => e.Scopes.Contains(scope),
        EscalationRaised e => e.Scopes.Contains(scope),
        _ => false,
    };
}
