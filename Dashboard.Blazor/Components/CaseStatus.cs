using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Dashboard.Components;

/// <summary>Which deadline a case's status header counts down to.</summary>
public enum DeadlineKind
{
    Triage,
    Ack,
    Arrive,
    Due,
    FollowUp,
}

/// <summary>A deadline of a case: what, whose (a department for a summons's deadlines), when, and since when.</summary>
public sealed record CaseDeadline(DeadlineKind Kind, Instant At, Instant Start, string? DepartmentId);

/// <summary>
/// Who has a case now and what comes next: the holding center (and the leader who took it), the next deadline
/// (the earliest one still running, overdue ones first), and how far it has been escalated — centers moved up above
/// the township plus the longest summons escalation chain.
/// </summary>
public sealed record CaseStatus(string CenterId, CenterLevel Level, LeaderView? Leader, CaseDeadline? Next, int CenterSteps, int SummonsSteps)
{
    /// <summary>All escalation steps: centers moved up plus the highest summons escalation level.</summary>
    public int EscalationLevel => CenterSteps + SummonsSteps;

    public static CaseStatus Of(CaseView c)
    {
        var open = c.State is not (CaseState.Resolved or CaseState.Closed or CaseState.FollowedUp);
        var deadlines = new List<CaseDeadline>();
        if (c.State == CaseState.Reported && c.TriageDueAt is { } triage)
            deadlines.Add(new(DeadlineKind.Triage, triage, c.CreatedAt, null));
        if (open)
        {
            foreach (var s in c.Summonses.Where(s => s.IsOpen))
            {
                if (s.State == SummonsState.Issued)
                    deadlines.Add(new(DeadlineKind.Ack, s.AckDueAt, s.IssuedAt, s.DepartmentId));
                else if (s.ArrivedAt is null)
                    deadlines.Add(new(DeadlineKind.Arrive, s.ArriveDueAt, s.IssuedAt, s.DepartmentId));
            }
            if (c.DueAt is { } due)
                deadlines.Add(new(DeadlineKind.Due, due, c.CreatedAt, null));
        }
        else if (c.FollowUpDueAt is { } followUp)
            deadlines.Add(new(DeadlineKind.FollowUp, followUp, c.CreatedAt, null));
        var next = deadlines.OrderBy(d => d.At).ThenBy(d => d.Kind).FirstOrDefault();
        var centerSteps = Math.Max(0, (int)CenterLevel.Township - (int)c.Level);
        var summonsSteps = c.Summonses.Count == 0 ? 0 : c.Summonses.Max(s => s.EscalationLevel);
        return new(c.CenterId, c.Level, c.Leader, next, centerSteps, summonsSteps);
    }
}
