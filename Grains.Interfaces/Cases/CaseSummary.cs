using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>A case in lists and on the live channel: no timeline, no summonses, counts instead.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseSummary")]
public sealed record CaseSummary(
    string Id,
    string GridId,
    string TownshipId,
    string CenterId,
    CenterLevel Level,
    Category Category,
    CaseTier? Tier,
    RiskColour? Risk,
    CaseState State,
    string Summary,
    Instant CreatedAt,
    Instant? DueAt,
    int OpenSummonses,
    int Escalations,
    string? Leader,
    int Version)
{
    /// <summary>Open (not resolved, closed or followed up) and past its due time at <paramref name="now"/>.</summary>
    public bool IsOverdueAt(Instant now) => IsOpen && DueAt is { } due && due < now;

    /// <summary>When the follow-up visit of the current resolution falls due; absent when none is pending.</summary>
    [Id(100)]
    public Instant? FollowUpDueAt { get; init; }

    /// <summary>Resolved or closed, its follow-up visit still not recorded, and past the follow-up's due time at <paramref name="now"/>.</summary>
    public bool IsFollowUpOverdueAt(Instant now) => !IsOpen && FollowUpDueAt is { } due && due < now;

    public bool IsOpen => State is not (CaseState.Resolved or CaseState.Closed or CaseState.FollowedUp);
}
