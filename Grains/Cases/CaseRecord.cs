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

    /// <summary>Notifications decided with a change and not yet stored by the notification queue (the "n|" outbox marker).</summary>
    public List<Domain.Notifications.NotificationIntent> Notifications { get; set; } = [];

    /// <summary>What has already been turned into notifications (null: not yet; see NotificationPlanner).</summary>
    public Domain.Notifications.NotificationCursor? NotificationCursor { get; set; }

    public bool Exists => Id.Length > 0;

    public bool IsOpen => State is not (CaseState.Resolved or CaseState.Closed or CaseState.FollowedUp);
}
