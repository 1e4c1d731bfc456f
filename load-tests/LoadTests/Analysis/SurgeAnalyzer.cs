using Dispatch.LoadTests.Observations;
using NodaTime;

namespace Dispatch.LoadTests.Analysis;

/// <summary>
/// Turns what the simulator saw into findings. Pure: the same observations give the same findings.
/// <list type="bullet">
/// <item><b>Lost</b>: an accepted whistle with a returned summons that showed neither on the live channel nor in the
/// case read back from the store (or an accepted whistle that returned no summons at all).</item>
/// <item><b>Duplicated</b>: a new summons announced twice live; a department summoned twice by the whistle of one
/// case (two ids at escalation level 0); one summons escalated into two; one escalation announced twice. (The same
/// department summoned twice at a higher level is legitimate: two township departments can share a county
/// counterpart.)</item>
/// <item><b>Missed deadline</b>: a summons read back still issued (acknowledged) although its acknowledgement
/// (arrival) deadline passed more than <see cref="DeadlineTolerance"/> before the read.</item>
/// </list>
/// </summary>
public static class SurgeAnalyzer
{
    /// <summary>How long after a deadline the engine may take to fire it before it counts as missed.</summary>
    public static readonly Duration DeadlineTolerance = Duration.FromSeconds(5);

    private static readonly HashSet<string> AckedStates = new(StringComparer.Ordinal) { "acknowledged", "arrived", "fedBack" };

    public static SurgeFindings Analyze(SurgeObservations o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var accepted = o.Whistles.Where(w => w.Accepted).ToList();
        var firstLive = new Dictionary<string, LiveSummons>(StringComparer.Ordinal);
        foreach (var s in o.LiveSummonses.OrderBy(s => s.ReceivedMs))
            firstLive.TryAdd(s.Id, s);
        var stored = o.StoredCases.Where(c => c.Error is null)
            .GroupBy(c => c.CaseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var storedSummonses = stored.Values
            .SelectMany(c => c.Summonses.Select(s => (c.CaseId, Summons: s)))
            .GroupBy(x => x.Summons.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var lost = FindLost(o, accepted, firstLive, stored);
        var duplicates = FindDuplicates(o, accepted, stored);
        var missed = FindMissedDeadlines(o, stored);
        var outages = o.Outages.Select(outage => CheckOutage(o, outage, stored)).ToList();
        var (lateness, outageLateness) = Lateness(o, storedSummonses);

        var summoned = accepted.SelectMany(w => w.Summonses).Select(s => s.Id).Distinct(StringComparer.Ordinal).ToList();
        var seenLive = summoned.Count(firstLive.ContainsKey);
        var seenOnlyInStore = summoned.Count(id => !firstLive.ContainsKey(id) && storedSummonses.ContainsKey(id));
        var escalated = o.LiveEscalations.Where(e => e.SummonsId is not null).Select(e => e.SummonsId!)
            .Concat(storedSummonses.Values.Where(x => x.Summons.State == "escalated").Select(x => x.Summons.Id))
            .Distinct(StringComparer.Ordinal).Count();
        var leader = o.LiveEscalations.Where(e => e.Kind == "leader").Select(e => e.CaseId).Distinct(StringComparer.Ordinal).Count();
        var acks = o.BotActions.Where(a => a.Kind == BotActionKind.Ack && a.Succeeded).ToList();
        var arrives = o.BotActions.Where(a => a.Kind == BotActionKind.Arrive && a.Succeeded).ToList();

        var counts = new SurgeCounts(
            Scheduled: o.Whistles.Count,
            Accepted: accepted.Count,
            Failed: o.Whistles.Count - accepted.Count,
            Retried: o.Whistles.Count(w => w.Retries > 0),
            Summoned: summoned.Count,
            SeenLive: seenLive,
            SeenOnlyInStore: seenOnlyInStore,
            Acknowledged: acks.Select(a => a.SummonsId).Distinct(StringComparer.Ordinal).Count(),
            Arrived: arrives.Select(a => a.SummonsId).Distinct(StringComparer.Ordinal).Count(),
            AnswersRefused: o.BotActions.Count(a => a.Status is >= 400 and < 500),
            Escalated: escalated,
            LeaderTook: leader,
            Lost: lost.Count,
            Duplicated: duplicates.Count,
            DeadlinesMissed: missed.Count,
            SilentDepartments: o.SilentDepartments.Count,
            LiveEvents: o.LiveSummonses.Count + o.LiveEscalations.Count + o.LiveCaseEvents);

        var perWhistle = accepted.Select(w => w.Summonses.Count).ToList();
        return new SurgeFindings
        {
            Counts = counts,
            Latencies = Latencies(o, accepted, firstLive, acks, arrives),
            EscalationLateness = lateness,
            OutageEscalationLateness = outageLateness,
            Lost = lost,
            Duplicates = duplicates,
            MissedDeadlines = missed,
            Outages = outages,
            SummonsesPerWhistle = perWhistle.Count == 0
                ? new SummonsSpread(0, 0, 0)
                : new SummonsSpread(perWhistle.Min(), perWhistle.Average(), perWhistle.Max()),
        };
    }

    private static List<LostWhistle> FindLost(SurgeObservations o, List<WhistleObservation> accepted,
        Dictionary<string, LiveSummons> firstLive, Dictionary<string, StoredCase> stored)
    {
        var errors = o.StoredCases.Where(c => c.Error is not null)
            .GroupBy(c => c.CaseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Error!, StringComparer.Ordinal);
        var lost = new List<LostWhistle>();
        foreach (var w in accepted)
        {
            if (w.Summonses.Count == 0)
            {
                lost.Add(new LostWhistle(w.Index, w.CaseId!, [], "the whistle was accepted but returned no summons"));
                continue;
            }
            var inStore = stored.TryGetValue(w.CaseId!, out var c)
                ? c.Summonses.Select(s => s.Id).ToHashSet(StringComparer.Ordinal)
                : [];
            var missing = w.Summonses.Select(s => s.Id).Where(id => !firstLive.ContainsKey(id) && !inStore.Contains(id)).ToList();
            if (missing.Count == 0) continue;
            var why = c is not null
                ? $"{missing.Count} of {w.Summonses.Count} summonses neither seen live nor stored with the case"
                : errors.TryGetValue(w.CaseId!, out var error)
                    ? $"{missing.Count} of {w.Summonses.Count} summonses not seen live, and the case could not be read back: {error}"
                    : $"{missing.Count} of {w.Summonses.Count} summonses not seen live, and the case was not read back";
            lost.Add(new LostWhistle(w.Index, w.CaseId!, missing, why));
        }
        return lost;
    }

    private static List<DuplicateFinding> FindDuplicates(SurgeObservations o, List<WhistleObservation> accepted, Dictionary<string, StoredCase> stored)
    {
        var found = new List<DuplicateFinding>();

        foreach (var g in o.LiveSummonses.Where(s => s.IsNew).GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = g.First();
            found.Add(new DuplicateFinding(DuplicateKind.SummonsAnnouncedTwice, first.CaseId, first.Id, [first.Id]));
        }

        // Level-0 summonses per (case, department), from every source.
        var levelZero = accepted.SelectMany(w => w.Summonses.Where(s => s.EscalationLevel == 0).Select(s => (s.CaseId, s.DepartmentId, s.Id)))
            .Concat(o.LiveSummonses.Where(s => s.EscalationLevel == 0).Select(s => (s.CaseId, s.DepartmentId, s.Id)))
            .Concat(stored.Values.SelectMany(c => c.Summonses.Where(s => s.EscalationLevel == 0).Select(s => (c.CaseId, s.DepartmentId, s.Id))));
        foreach (var g in levelZero.GroupBy(x => (x.CaseId, x.DepartmentId)))
        {
            var ids = g.Select(x => x.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (ids.Count > 1)
                found.Add(new DuplicateFinding(DuplicateKind.DepartmentSummonedTwice, g.Key.CaseId, g.Key.DepartmentId, ids));
        }

        // What each summons was escalated into, from the live events and the stored escalatedTo.
        var escalatedInto = o.LiveEscalations.Where(e => e.SummonsId is not null && e.NewSummonsId is not null)
            .Select(e => (e.CaseId, From: e.SummonsId!, To: e.NewSummonsId!))
            .Concat(stored.Values.SelectMany(c => c.Summonses.Where(s => s.EscalatedTo is not null).Select(s => (c.CaseId, From: s.Id, To: s.EscalatedTo!))));
        foreach (var g in escalatedInto.GroupBy(x => (x.CaseId, x.From)))
        {
            var ids = g.Select(x => x.To).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (ids.Count > 1)
                found.Add(new DuplicateFinding(DuplicateKind.SummonsEscalatedTwice, g.Key.CaseId, g.Key.From, ids));
        }

        foreach (var g in o.LiveEscalations.GroupBy(e => (e.CaseId, e.Kind, e.SummonsId, e.NewSummonsId, e.DueAt)).Where(g => g.Count() > 1))
        {
            var subject = g.Key.SummonsId ?? $"{g.Key.Kind} due {g.Key.DueAt}";
            found.Add(new DuplicateFinding(DuplicateKind.EscalationAnnouncedTwice, g.Key.CaseId, subject,
                g.Key.NewSummonsId is null ? [] : [g.Key.NewSummonsId]));
        }
        return found;
    }

    private static List<MissedDeadline> FindMissedDeadlines(SurgeObservations o, Dictionary<string, StoredCase> stored)
    {
        var limit = o.VerifiedAt - DeadlineTolerance;
        var missed = new List<MissedDeadline>();
        foreach (var c in stored.Values)
        {
            foreach (var s in c.Summonses)
            {
                Instant? due = s.State switch
                {
                    "issued" => s.AckDueAt,
                    "acknowledged" => s.ArriveDueAt,
                    _ => null,
                };
                if (due is { } d && d < limit)
                    missed.Add(new MissedDeadline(c.CaseId, s.Id, s.DepartmentId, s.State, d));
            }
        }
        return missed;
    }

    private static OutageCheck CheckOutage(SurgeObservations o, Outage outage, Dictionary<string, StoredCase> stored)
    {
        var from = outage.KilledAt;
        var to = outage.ReadyAt ?? o.VerifiedAt;
        var firedLive = o.LiveEscalations.Where(e => e.SummonsId is not null).Select(e => e.SummonsId!).ToHashSet(StringComparer.Ordinal);
        int due = 0, fired = 0, answered = 0;
        var notFired = new List<string>();
        foreach (var c in stored.Values)
        {
            foreach (var s in c.Summonses)
            {
                // The deadline the summons waited on while the silo was down, if one fell due then.
                var ackMissed = s.AckedAt is not { } acked || acked > s.AckDueAt;
                Instant? pending = ackMissed ? s.AckDueAt : s.ArrivedAt is not { } arrived || arrived > s.ArriveDueAt ? s.ArriveDueAt : null;
                if (pending is not { } p || p < from || p > to) continue;
                due++;
                if (s.State == "escalated" || firedLive.Contains(s.Id)) fired++;
                else if (!o.SilentDepartments.Contains(s.DepartmentId) && (ackMissed ? s.AckedAt is not null : s.ArrivedAt is not null)) answered++;
                else notFired.Add(s.Id);
            }
        }
        return new OutageCheck(outage.KilledAt, outage.ReadyAt, due, fired, answered, notFired, outage.Failover, FailedRequests(o, outage));
    }

    /// <summary>Failed attempts of whistles and bot answers sent from the kill to a second after the silo (or its cases) answered again.</summary>
    private static int FailedRequests(SurgeObservations o, Outage outage)
    {
        var from = outage.KilledMs;
        var to = (outage.ReadyMs ?? double.MaxValue) + 1_000;
        var whistles = o.Whistles.Where(w => (w.CaseSentMs ?? w.ScheduledMs) >= from && (w.CaseSentMs ?? w.ScheduledMs) <= to)
            .Sum(w => w.Retries + (w.Error is null ? 0 : 1));
        var bots = o.BotActions.Where(a => a.SentMs >= from && a.SentMs <= to).Sum(a => a.Attempts - 1 + (a.Succeeded ? 0 : 1));
        return whistles + bots;
    }

    private static (double[] Normal, double[] Outage) Lateness(SurgeObservations o, Dictionary<string, (string CaseId, StoredSummons Summons)> storedSummonses)
    {
        var normal = new List<double>();
        var outage = new List<double>();
        bool DueWhileDown(Instant due) => o.Outages.Any(x => due >= x.KilledAt && due <= (x.ReadyAt ?? o.VerifiedAt));
        void Add(Instant due, Duration late) => (DueWhileDown(due) ? outage : normal).Add(late.TotalMilliseconds);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in o.LiveEscalations)
        {
            if (e.DueAt is not { } due) continue;
            var key = $"{e.CaseId}|{e.Kind}|{e.SummonsId}|{due}";
            if (!seen.Add(key)) continue;
            if (e.SummonsId is not null) seen.Add(e.SummonsId);
            Add(due, e.Lateness!.Value);
        }
        // Escalations that fired while the listener was away show in the store: the new summons was issued when it fired.
        foreach (var (_, s) in storedSummonses.Values)
        {
            if (s.State != "escalated" || s.EscalatedTo is null || seen.Contains(s.Id)) continue;
            if (!storedSummonses.TryGetValue(s.EscalatedTo, out var next)) continue;
            var due = s.AckedAt is { } acked && acked <= s.AckDueAt ? s.ArriveDueAt : s.AckDueAt;
            Add(due, next.Summons.IssuedAt - due);
        }
        normal.Sort();
        outage.Sort();
        return (normal.ToArray(), outage.ToArray());
    }

    private static Dictionary<string, double[]> Latencies(SurgeObservations o, List<WhistleObservation> accepted,
        Dictionary<string, LiveSummons> firstLive, List<BotAction> acks, List<BotAction> arrives)
    {
        static double[] Sorted(IEnumerable<double> values)
        {
            var a = values.ToArray();
            Array.Sort(a);
            return a;
        }

        var ackedLive = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in o.LiveSummonses.Where(s => AckedStates.Contains(s.State)).OrderBy(s => s.ReceivedMs))
            ackedLive.TryAdd(s.Id, s.ReceivedMs);

        return new Dictionary<string, double[]>
        {
            [SurgeFindings.WhistleAccepted] = Sorted(accepted.Select(w => w.WhistleDoneMs!.Value - w.WhistleSentMs!.Value)),
            [SurgeFindings.CaseAndWhistle] = Sorted(accepted.Select(w => w.WhistleDoneMs!.Value - w.CaseSentMs!.Value)),
            [SurgeFindings.SummonsVisible] = Sorted(accepted.SelectMany(w => w.Summonses
                .Where(s => firstLive.ContainsKey(s.Id))
                .Select(s => firstLive[s.Id].ReceivedMs - w.WhistleSentMs!.Value))),
            [SurgeFindings.AckAccepted] = Sorted(acks.Select(a => a.DoneMs!.Value - a.SentMs)),
            [SurgeFindings.AckRoundTrip] = Sorted(acks.Where(a => ackedLive.TryGetValue(a.SummonsId, out var at) && at >= a.SentMs)
                .Select(a => ackedLive[a.SummonsId] - a.SentMs)),
            [SurgeFindings.ArriveAccepted] = Sorted(arrives.Select(a => a.DoneMs!.Value - a.SentMs)),
            [SurgeFindings.ScheduleLag] = Sorted(o.Whistles.Where(w => w.CaseSentMs is not null && w.Retries == 0)
                .Select(w => w.CaseSentMs!.Value - w.ScheduledMs)),
        };
    }
}
