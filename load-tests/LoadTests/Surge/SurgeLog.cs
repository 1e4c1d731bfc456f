using System.Collections.Concurrent;
using Dispatch.LoadTests.Observations;
using NodaTime;

namespace Dispatch.LoadTests.Surge;

/// <summary>Collects observations from the generator, the bots, the listener, the sampler and the chaos monkey.</summary>
public sealed class SurgeLog
{
    private readonly ConcurrentQueue<WhistleObservation> _whistles = new();
    private readonly ConcurrentQueue<LiveSummons> _liveSummonses = new();
    private readonly ConcurrentQueue<LiveEscalation> _liveEscalations = new();
    private readonly ConcurrentQueue<BotAction> _botActions = new();
    private readonly ConcurrentQueue<StoredCase> _storedCases = new();
    private readonly ConcurrentQueue<Outage> _outages = new();
    private readonly ConcurrentQueue<ResourceSample> _resources = new();
    private readonly ConcurrentQueue<ListenerGap> _gaps = new();
    private long _liveCaseEvents;

    public SurgeCounters Counters { get; } = new();

    public void Add(WhistleObservation w) => _whistles.Enqueue(w);

    public void Add(LiveSummons s)
    {
        _liveSummonses.Enqueue(s);
        if (s.IsNew) Counters.AddLiveSummons();
    }

    public void Add(LiveEscalation e)
    {
        _liveEscalations.Enqueue(e);
        Counters.AddEscalation();
    }

    public void Add(BotAction a)
    {
        _botActions.Enqueue(a);
        if (a.Kind == BotActionKind.Ack && a.Succeeded) Counters.AddAck();
    }

    public void Add(StoredCase c) => _storedCases.Enqueue(c);
    public void Add(Outage o) => _outages.Enqueue(o);
    public void Add(ResourceSample s) => _resources.Enqueue(s);
    public void Add(ListenerGap g) => _gaps.Enqueue(g);
    public void AddLiveCaseEvent() => Interlocked.Increment(ref _liveCaseEvents);

    public IReadOnlyList<ResourceSample> Resources => _resources.ToArray();

    /// <summary>The ids of the cases whose whistle was accepted so far.</summary>
    public IReadOnlyList<string> AcceptedCaseIds() => _whistles.Where(w => w.Accepted).Select(w => w.CaseId!).ToList();

    public SurgeObservations Snapshot(Instant startedAt, double lastSendMs, Instant verifiedAt, IReadOnlySet<string> silent) => new()
    {
        StartedAt = startedAt,
        LastSendMs = lastSendMs,
        VerifiedAt = verifiedAt,
        Whistles = _whistles.OrderBy(w => w.Index).ToList(),
        LiveSummonses = _liveSummonses.ToList(),
        LiveEscalations = _liveEscalations.ToList(),
        BotActions = _botActions.ToList(),
        StoredCases = _storedCases.ToList(),
        Outages = _outages.ToList(),
        Resources = _resources.OrderBy(r => r.AtMs).ToList(),
        ListenerGaps = _gaps.ToList(),
        SilentDepartments = silent,
        LiveCaseEvents = Interlocked.Read(ref _liveCaseEvents),
    };
}
