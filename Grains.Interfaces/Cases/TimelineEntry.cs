using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>
/// One step in a case's history, as data: when, what kind (reported, whistled, acknowledged, escalated…), who
/// (<see cref="Actor"/> as "role:scope", and the same parts apart), the departments, summonses and centers it is
/// about, the deadline it concerns, why (<see cref="Reason"/>: ack, arrive, tier, triage, manual, major — the
/// escalation kinds) and what the engine did (<see cref="Step"/>). <see cref="Note"/> is only text a person typed.
/// Members after <see cref="Note"/> were added later: entries stored before have none of them.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.TimelineEntry")]
public sealed record TimelineEntry(
    Instant At,
    string Kind,
    string Actor,
    string? Note,
    string? ActorRole = null,
    string? ActorScope = null,
    string? ActorName = null,
    IReadOnlyList<string>? DepartmentIds = null,
    IReadOnlyList<string>? SummonsIds = null,
    IReadOnlyList<string>? CenterIds = null,
    Instant? DueAt = null,
    string? Reason = null,
    string? Step = null,
    string? LeaderRole = null,
    string? LeaderName = null,
    Category? Category = null,
    CaseTier? Tier = null,
    RiskColour? Risk = null,
    int? Satisfaction = null,
    CaseSource? Source = null)
{
    /// <summary>The attachment an "attached" entry is about (its number on the case).</summary>
    [Id(100)]
    public int? Attachment { get; init; }

    /// <summary>The case a "linked" entry linked this one with.</summary>
    [Id(101)]
    public string? LinkedCase { get; init; }

    /// <summary>An escalation step: the next department was summoned.</summary>
    public const string Summoned = "summoned";

    /// <summary>An escalation step: the next department had an open summons already, which the ladder joined.</summary>
    public const string Joined = "joined";

    /// <summary>An escalation step: the case moved to the parent center.</summary>
    public const string MovedUp = "movedUp";

    /// <summary>An escalation step: past the top of the ladder, a duty leader takes the case.</summary>
    public const string LeaderTakes = "leaderTakes";

    /// <summary>An escalation step: past the top of the ladder, the case is with a leader already.</summary>
    public const string WithLeader = "withLeader";

    /// <summary>An entry by <paramref name="actor"/>, with its role, scope and name recorded apart.</summary>
    public static TimelineEntry By(Instant at, string kind, Actor actor, string? note) =>
        new(at, kind, actor.ToString(), string.IsNullOrWhiteSpace(note) ? null : note.Trim(), actor.Role, actor.Scope, actor.Name);
}
