using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>A case as GET /api/v1/cases/{id} shows it. <see cref="CenterId"/> is the center handling it now.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseView")]
public sealed record CaseView(
    string Id,
    string GridId,
    string TownshipId,
    string CenterId,
    CenterLevel Level,
    Category Category,
    CaseTier? Tier,
    RiskColour? Risk,
    CaseState State,
    CaseSource Source,
    string Summary,
    string? Reporter,
    Instant CreatedAt,
    Instant? DueAt,
    Instant? TriageDueAt,
    LeaderView? Leader,
    string? Outcome,
    int? Satisfaction,
    IReadOnlyList<SummonsView> Summonses,
    IReadOnlyList<TimelineEntry> Timeline,
    int Version);
