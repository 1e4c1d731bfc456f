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
    int Version)
{
    /// <summary>When the follow-up visit of the current resolution falls due; absent when none is pending.</summary>
    [Id(100)]
    public Instant? FollowUpDueAt { get; init; }

    /// <summary>How many times the case was reopened (the resident said it was not fixed, or was unsatisfied).</summary>
    [Id(101)]
    public int Reopens { get; init; }

    /// <summary>Who reported the case (role, scope, name); absent for cases stored before it was recorded.</summary>
    [Id(102)]
    public Actor? ReportedBy { get; init; }

    /// <summary>The photos and documents on the case, in the order they were added.</summary>
    [Id(103)]
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];

    /// <summary>The sibling cases linked to this one as the same problem (both sides show the link).</summary>
    [Id(104)]
    public IReadOnlyList<LinkedCase> LinkedCases { get; init; } = [];

    /// <summary>The earliest linked case reported before this one: this case is a repeat of it (counted in statistics).</summary>
    [Id(105)]
    public string? RepeatOf { get; init; }

    /// <summary>
    /// Only on the answer to a new report: open or recently resolved cases of the same grid and category with a similar
    /// summary, to link with POST /cases/{id}/link when they are the same problem.
    /// </summary>
    [Id(106)]
    public IReadOnlyList<RepeatSuggestion>? SuggestedRepeats { get; init; }
}
