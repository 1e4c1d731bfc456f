using Dispatch.Grains.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Domain.Escalation;

/// <summary>Which deadlines of a case are pending, and the earliest, which its one reminder waits for.</summary>
public static class CaseDeadlines
{
    /// <summary>
    /// The earliest pending moment: a summons's acknowledgement or arrival deadline, the case's tier deadline while
    /// open, its triage deadline while untriaged, its follow-up deadline while the follow-up is pending and not yet
    /// flagged overdue, and, when <paramref name="outboxRetry"/> is given and the outbox holds
    /// undelivered copies, <paramref name="now"/> + <paramref name="outboxRetry"/>. Null when nothing is pending.
    /// </summary>
    public static Instant? Next(CaseRecord record, Instant now, Duration? outboxRetry)
    {
        Instant? next = null;
        void Consider(Instant? at)
        {
            if (at is { } a && (next is null || a < next)) next = a;
        }
        foreach (var s in record.Summonses) Consider(s.PendingDeadline);
        if (record.IsOpen && !record.TierLadderExhausted) Consider(record.DueAt);
        if (record.State == CaseState.Reported) Consider(record.TriageDueAt);
        if (FollowUpPending(record)) Consider(record.FollowUpDueAt);
        if (record.Outbox.Count > 0 && outboxRetry is { } retry) Consider(now + retry);
        return next;
    }

    /// <summary>True when the case's tier deadline has passed and it is still open and not past the top of the ladder.</summary>
    public static bool TierOverdue(CaseRecord record, Instant now)
        => record.IsOpen && !record.TierLadderExhausted && record.DueAt is { } due && due <= now;

    /// <summary>True when the case is still untriaged past its triage deadline.</summary>
    public static bool TriageOverdue(CaseRecord record, Instant now)
        => record.State == CaseState.Reported && record.TriageDueAt is { } due && due <= now;

    /// <summary>True when the resolved case's follow-up visit is due, not recorded, and not yet flagged overdue.</summary>
    public static bool FollowUpOverdue(CaseRecord record, Instant now)
        => FollowUpPending(record) && record.FollowUpDueAt is { } due && due <= now;

    private static bool FollowUpPending(CaseRecord record)
        => record.FollowUpDueAt is not null && !record.FollowUpOverdueNoted && !record.IsOpen && !record.FollowedUpThisResolution;
}
