using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Dashboard.Live;

/// <summary>
/// A small in-memory ring of the last 48 hours of live activity (the last 24 for the charts and rates, the 24 before
/// them for yesterday's comparison line), per center (township, county, city) and per
/// department, in hourly buckets, fed with every live event by the host's pusher (before coalescing); and the most
/// recent escalations. It starts empty when the process starts: the dashboard's charts and rates cover what this
/// process saw. Thread-safe.
/// </summary>
public sealed class ActivityHistory(CityModel city, IClock clock)
{
    /// <summary>Hours of a chart and of the rates (the last day).</summary>
    public const int Hours = 24;

    /// <summary>Hours kept: the last day and the day before it (yesterday's comparison line on the charts).</summary>
    public const int KeptHours = 2 * Hours;

    /// <summary>Escalations kept for the feeds.</summary>
    public const int RecentEscalationCount = 500;

    private static readonly long TicksPerHour = Duration.FromHours(1).BclCompatibleTicks;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<long, Counter>> _scopes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Instant> _lastWhistle = new(StringComparer.Ordinal);
    private readonly LinkedList<EscalationRaised> _escalations = new();
    private long _prunedAt;

    /// <summary>Counts one live event; anything else is ignored.</summary>
    public void Record(object domainEvent)
    {
        lock (_gate)
        {
            switch (domainEvent)
            {
                case SummonsChanged e:
                    RecordSummons(e);
                    break;
                case EscalationRaised e:
                    RecordEscalation(e);
                    break;
                default:
                    return;
            }
            Prune();
        }
    }

    /// <summary>
    /// The last <see cref="Hours"/> hourly points of a scope, oldest first, the last one holding now; with
    /// <paramref name="daysBack"/> 1 the same hours a day earlier (yesterday's comparison line).
    /// </summary>
    public IReadOnlyList<ActivityPoint> Series(string scope, int daysBack = 0)
    {
        if (daysBack is < 0 or > KeptHours / Hours - 1)
            throw new ArgumentOutOfRangeException(nameof(daysBack), daysBack, "Only today and yesterday are kept.");
        var current = HourOf(clock.GetCurrentInstant()) - daysBack * Hours;
        lock (_gate)
        {
            _scopes.TryGetValue(scope, out var buckets);
            return Enumerable.Range(0, Hours)
                .Select(i => current - Hours + 1 + i)
                .Select(h => new ActivityPoint(Instant.FromUnixTimeTicks(h * TicksPerHour),
                    buckets is not null && buckets.TryGetValue(h, out var c) ? c.ToCounts() : ActivityCounts.Zero))
                .ToList();
        }
    }

    /// <summary>A scope's activity since <paramref name="since"/> (whole hours; at most the last <see cref="Hours"/>).</summary>
    public ActivityCounts Since(string scope, Instant since)
    {
        var from = HourOf(since);
        var oldest = HourOf(clock.GetCurrentInstant()) - Hours + 1;
        lock (_gate)
        {
            if (!_scopes.TryGetValue(scope, out var buckets))
                return ActivityCounts.Zero;
            return buckets.Where(b => b.Key >= from && b.Key >= oldest)
                .Aggregate(ActivityCounts.Zero, (sum, b) => sum + b.Value.ToCounts());
        }
    }

    /// <summary>A scope's activity over the last <see cref="Hours"/> hours.</summary>
    public ActivityCounts LastDay(string scope) => Since(scope, clock.GetCurrentInstant() - Duration.FromHours(Hours));

    /// <summary>The most recent escalations concerning a scope, newest first.</summary>
    public IReadOnlyList<EscalationRaised> RecentEscalations(string scope, int max)
    {
        lock (_gate)
        {
            var found = new List<EscalationRaised>();
            for (var node = _escalations.Last; node is not null && found.Count < max; node = node.Previous)
            {
                if (node.Value.Scopes.Contains(scope))
                    found.Add(node.Value);
            }
            return found;
        }
    }

    private void RecordSummons(SummonsChanged e)
    {
        var s = e.Summons;
        if (s.State == SummonsState.Issued && s.Version == 1)
        {
            var whistle = s.EscalationLevel == 0 && !(_lastWhistle.TryGetValue(s.CaseId, out var last) && last == s.IssuedAt);
            if (whistle)
                _lastWhistle[s.CaseId] = s.IssuedAt;
            foreach (var center in Centers(e.Scopes))
                Bucket(center, s.IssuedAt).Add(whistles: whistle ? 1 : 0, summoned: 1);
            Bucket(s.DepartmentId, s.IssuedAt).Add(summoned: 1);
            return;
        }
        var acknowledged = s.State == SummonsState.Acknowledged
            || (s.State == SummonsState.Arrived && s.AckedAt is { } acked && acked == s.ArrivedAt);
        if (!acknowledged || s.AckedAt is not { } at)
            return;
        var onTime = at <= s.AckDueAt ? 1 : 0;
        foreach (var center in Centers(e.Scopes))
            Bucket(center, at).Add(acks: 1, acksOnTime: onTime);
        Bucket(s.DepartmentId, at).Add(acks: 1, acksOnTime: onTime);
    }

    /// <summary>
    /// The feed keeps every escalation; the hourly counts only summons escalations (a department missed its deadline), the
    /// ones a restart rebuilds from the summons rows, so the charts say the same before and after a restart. A case moved
    /// up for its own deadline or taken by a leader is in the feed and in "escalations today", not in the charts.
    /// </summary>
    private void RecordEscalation(EscalationRaised e)
    {
        var x = e.Escalation;
        if (x.SummonsId is not null)
        {
            var ackMissed = x.Kind == "ack" ? 1 : 0;
            foreach (var center in Centers(e.Scopes))
                Bucket(center, x.At).Add(escalations: 1, ackMisses: ackMissed);
            if (x.FromDepartmentId is { } department)
                Bucket(department, x.At).Add(escalations: 1, ackMisses: ackMissed);
        }
        _escalations.AddLast(e);
        while (_escalations.Count > RecentEscalationCount)
            _escalations.RemoveFirst();
    }

    private IEnumerable<string> Centers(IReadOnlyList<string> scopes) => scopes.Where(s => city.TryGetCenter(s, out _));

    private Counter Bucket(string scope, Instant at)
    {
        if (!_scopes.TryGetValue(scope, out var buckets))
            _scopes[scope] = buckets = [];
        var hour = HourOf(at);
        if (!buckets.TryGetValue(hour, out var counter))
            buckets[hour] = counter = new Counter();
        return counter;
    }

    /// <summary>Drops buckets and whistle marks older than the window, at most once an hour.</summary>
    private void Prune()
    {
        var current = HourOf(clock.GetCurrentInstant());
        if (current == _prunedAt)
            return;
        _prunedAt = current;
        var oldest = current - KeptHours;
        foreach (var buckets in _scopes.Values)
        {
            foreach (var stale in buckets.Keys.Where(h => h < oldest).ToList())
                buckets.Remove(stale);
        }
        foreach (var stale in _scopes.Where(s => s.Value.Count == 0).Select(s => s.Key).ToList())
            _scopes.Remove(stale);
        var cutoff = Instant.FromUnixTimeTicks(oldest * TicksPerHour);
        foreach (var stale in _lastWhistle.Where(w => w.Value < cutoff).Select(w => w.Key).ToList())
            _lastWhistle.Remove(stale);
    }

    private static long HourOf(Instant at) => (long)Math.Floor((double)at.ToUnixTimeTicks() / TicksPerHour);

    private sealed class Counter
    {
        private int _whistles, _summoned, _acks, _acksOnTime, _ackMisses, _escalations;

        public void Add(int whistles = 0, int summoned = 0, int acks = 0, int acksOnTime = 0, int ackMisses = 0, int escalations = 0)
        {
            _whistles += whistles;
            _summoned += summoned;
            _acks += acks;
            _acksOnTime += acksOnTime;
            _ackMisses += ackMisses;
            _escalations += escalations;
        }

        public ActivityCounts ToCounts() => new(_whistles, _summoned, _acks, _acksOnTime, _ackMisses, _escalations);
    }
}
