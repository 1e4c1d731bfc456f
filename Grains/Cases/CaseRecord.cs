using Orleans;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Cases;

/// <summary>
/// The stored state of one case: the case, its summonses, its timeline, and its outbox — the copies still to be
/// delivered to department, center, grid and duty grains ("d|department|summons", "c|center", "g|grid",
/// "u|county") and to statistics day buckets ("s|scope|yyyy-MM-dd"), kept until they confirm.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.CaseRecord")]
public sealed class CaseRecord
{
    public string Id { get; set; } = "";
    public string GridId { get; set; } = "";
    public string TownshipId { get; set; } = "";
    public string CenterId { get; set; } = "";
    public CenterLevel Level { get; set; }
    public Category Category { get; set; }
    public CaseTier? Tier { get; set; }
    public RiskColour? Risk { get; set; }
    public CaseState State { get; set; }
    public CaseSource Source { get; set; }
    public string Summary { get; set; } = "";
    public string? Reporter { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? DueAt { get; set; }
    public Instant? TriageDueAt { get; set; }
    public bool TierLadderExhausted { get; set; }
    public LeaderView? Leader { get; set; }
    public string? Outcome { get; set; }
    public int? Satisfaction { get; set; }
    public int Escalations { get; set; }
    public int NextSummons { get; set; } = 1;
    public List<SummonsRecord> Summonses { get; set; } = [];
    public List<TimelineEntry> Timeline { get; set; } = [];
    public List<string> Outbox { get; set; } = [];

    /// <summary>When the case's one durable "deadline" reminder is registered for (null: none).</summary>
    public Instant? ReminderAt { get; set; }

    public int Version { get; set; }

    /// <summary>The note of the follow-up visit (trimmed; null when none), so a repeated follow-up can be told from another.</summary>
    public string? FollowUpNote { get; set; }

    /// <summary>How many times the case was resolved (a reopened case is resolved again).</summary>
    public int Resolutions { get; set; }

    /// <summary>
    /// The resolution (<see cref="Resolutions"/> at the time) the recorded follow-up belongs to: a follow-up is recorded
    /// once per resolution, so a reopened and re-resolved case is followed up anew.
    /// </summary>
    public int FollowUpOfResolution { get; set; }

    /// <summary>When the follow-up visit of the current resolution falls due; null when none is pending.</summary>
    public Instant? FollowUpDueAt { get; set; }

    /// <summary>True once the engine flagged the pending follow-up as overdue (flagged once, like a missed triage).</summary>
    public bool FollowUpOverdueNoted { get; set; }

    /// <summary>How many times the case was reopened.</summary>
    public int Reopens { get; set; }

    /// <summary>The reason of the latest reopening (trimmed), so a repeated reopen can be told from another.</summary>
    public string? ReopenReason { get; set; }

    /// <summary>Who reported the case (null for cases stored before it was recorded).</summary>
    public Actor? ReportedBy { get; set; }

    /// <summary>The photos and documents on the case (their content is in the attachment store).</summary>
    public List<AttachmentView> Attachments { get; set; } = [];

    /// <summary>The sibling cases linked to this one as the same problem.</summary>
    public List<LinkedCase> LinkedCases { get; set; } = [];

    /// <summary>True when a follow-up is recorded for the current resolution.</summary>
    public bool FollowedUpThisResolution => Satisfaction is not null && FollowUpOfResolution == Resolutions;

    /// <summary>Notifications decided with a change and not yet stored by the notification queue (the "n|" outbox marker).</summary>
    public List<Domain.Notifications.NotificationIntent> Notifications { get; set; } = [];

    /// <summary>What has already been turned into notifications (null: not yet; see NotificationPlanner).</summary>
    public Domain.Notifications.NotificationCursor? NotificationCursor { get; set; }

    public bool Exists => Id.Length > 0;

    public bool IsOpen => State is not (CaseState.Resolved or CaseState.Closed or CaseState.FollowedUp);
}
