using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>
/// What one case contributes to the statistics: its <see cref="StatsTotals"/> per (scope, local day), following the
/// measure definitions on <see cref="StatsView"/>. A pure function of the case's view, so a case can recompute it at
/// any time and send each bucket its current contribution (an upsert, not a delta).
/// </summary>
/// <remarks>
/// Scopes: the case's township, and every department summoned at least once. Moments come from the case itself:
/// created at <see cref="CaseView.CreatedAt"/>; resolved, closed and followed up at the case's (latest) timeline entry
/// of that kind; for the township one escalation per timeline entry of kind <see cref="Escalated"/>, for a department one
/// per summons of its own that escalated, at the deadline it missed; summons measures at each summons's
/// <see cref="SummonsView.IssuedAt"/>; reopenings at each timeline entry of kind <see cref="Reopened"/>, for the township
/// and for each department that had fed back done on the case before it; a repeat (<see cref="CaseView.RepeatOf"/>) where
/// it was accepted. Days are Asia/Shanghai local dates.
/// </remarks>
public static class CaseStatsFacts
{
    /// <summary>Timeline kind of a resolution (as the case grain writes it).</summary>
    public const string Resolved = "resolved";

    /// <summary>Timeline kind of a closure.</summary>
    public const string Closed = "closed";

    /// <summary>Timeline kind of a follow-up visit.</summary>
    public const string FollowedUp = "followedUp";

    /// <summary>Timeline kind of a reopening (the resident's "not fixed", or an unsatisfied follow-up).</summary>
    public const string Reopened = "reopened";

    /// <summary>Timeline kind of an escalation: the case grain writes one per step of its escalation counter.</summary>
    public const string Escalated = "escalated";

    /// <summary>The case's contribution to every bucket it touches; buckets it does not touch are absent (never empty).</summary>
    public static IReadOnlyDictionary<StatsDayKey, StatsTotals> Of(CaseView c)
    {
        var buckets = new Dictionary<StatsDayKey, StatsTotalsBuilder>();
        StatsTotalsBuilder At(string scope, Instant at)
        {
            var key = new StatsDayKey(scope, StatsPeriods.DayOf(at));
            if (!buckets.TryGetValue(key, out var b)) buckets[key] = b = new StatsTotalsBuilder();
            return b;
        }

        var resolvedAt = Last(c, Resolved);
        var closedAt = Last(c, Closed);
        var followedUpAt = Last(c, FollowedUp);
        var scopes = new List<string> { c.TownshipId };
        foreach (var s in c.Summonses)
        {
            if (!scopes.Contains(s.DepartmentId)) scopes.Add(s.DepartmentId);
        }

        foreach (var scope in scopes)
        {
            var created = At(scope, c.CreatedAt);
            created.Accepted++;
            if (c.RepeatOf is not null) created.Repeats++;
            if (resolvedAt is not null) created.AcceptedResolved++;
            if (resolvedAt is { } resolved) At(scope, resolved).Resolved++;
            if (closedAt is { } closed) At(scope, closed).Closed++;
            if (followedUpAt is { } followedUp && c.Satisfaction is { } satisfaction)
            {
                var b = At(scope, followedUp);
                b.FollowUps++;
                b.SatisfactionSum += satisfaction;
                if (satisfaction >= 4) b.Satisfied++;
            }
        }

        // The township counts every escalation of its case; a department only its own: its summonses that escalated.
        foreach (var e in c.Timeline)
        {
            if (e.Kind == Escalated) At(c.TownshipId, e.At).Escalations++;
        }
        foreach (var s in c.Summonses)
        {
            if (s.State == SummonsState.Escalated) At(s.DepartmentId, MissedAt(s)).Escalations++;
        }

        // The township counts every reopening of its case; a department those of a case it had resolved (fed back done before).
        foreach (var e in c.Timeline)
        {
            if (e.Kind != Reopened) continue;
            At(c.TownshipId, e.At).Reopened++;
            foreach (var department in c.Summonses.Where(s => s.FedBackAt is { } done && done <= e.At && s.State == SummonsState.FedBack)
                .Select(s => s.DepartmentId).Distinct())
            {
                At(department, e.At).Reopened++;
            }
        }

        foreach (var s in c.Summonses)
        {
            AddSummons(At(c.TownshipId, s.IssuedAt), s);
            AddSummons(At(s.DepartmentId, s.IssuedAt), s);
        }

        return buckets.ToDictionary(b => b.Key, b => b.Value.Build());
    }

    /// <summary>
    /// The buckets whose contribution differs between <paramref name="before"/> and <paramref name="after"/>
    /// (including buckets present in only one of them), in a stable order.
    /// </summary>
    public static IReadOnlyList<StatsDayKey> Changed(
        IReadOnlyDictionary<StatsDayKey, StatsTotals> before, IReadOnlyDictionary<StatsDayKey, StatsTotals> after)
    {
        var changed = new List<StatsDayKey>();
        foreach (var (key, totals) in after)
        {
            if (!before.TryGetValue(key, out var old) || !old.Equals(totals)) changed.Add(key);
        }
        foreach (var key in before.Keys)
        {
            if (!after.ContainsKey(key)) changed.Add(key);
        }
        return changed;
    }

    private static void AddSummons(StatsTotalsBuilder b, SummonsView s)
    {
        b.Summoned++;
        if (s.AckedAt is { } acked)
        {
            if (acked <= s.AckDueAt) b.AckedOnTime++;
            b.AckTimes.Add(acked - s.IssuedAt);
        }
        if (s.ArrivedAt is { } arrived) b.ArriveTimes.Add(arrived - s.IssuedAt);
    }

    /// <summary>The deadline an escalated summons missed: acknowledgement when it was never acknowledged, else arrival.</summary>
    private static Instant MissedAt(SummonsView s) => s.AckedAt is null ? s.AckDueAt : s.ArriveDueAt;

    private static Instant? Last(CaseView c, string kind)
    {
        Instant? last = null;
        foreach (var e in c.Timeline)
        {
            if (e.Kind == kind) last = e.At;
        }
        return last;
    }
}
