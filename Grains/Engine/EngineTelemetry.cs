using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dispatch.Grains.Engine;

/// <summary>The engine's traces and metrics, named "Dispatch.Engine".</summary>
public static class EngineTelemetry
{
    public const string Name = "Dispatch.Engine";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> CasesReported = Meter.CreateCounter<long>("dispatch.cases.reported");
    public static readonly Counter<long> CasesResolved = Meter.CreateCounter<long>("dispatch.cases.resolved");
    public static readonly Counter<long> Whistles = Meter.CreateCounter<long>("dispatch.whistles");
    public static readonly Counter<long> SummonsesIssued = Meter.CreateCounter<long>("dispatch.summonses.issued");
    public static readonly Counter<long> Acknowledgements = Meter.CreateCounter<long>("dispatch.summonses.acknowledged");
    public static readonly Counter<long> Escalations = Meter.CreateCounter<long>("dispatch.escalations");
    public static readonly Counter<long> LeaderTakes = Meter.CreateCounter<long>("dispatch.leader.takes");
    public static readonly Counter<long> EventsPublished = Meter.CreateCounter<long>("dispatch.live.events.published");
    public static readonly Counter<long> EventsDropped = Meter.CreateCounter<long>("dispatch.live.events.dropped",
        description: "Live events a slow subscriber lost");
    public static readonly Histogram<double> GrainCallDuration = Meter.CreateHistogram<double>("dispatch.grain.call.duration", "ms",
        "How long the engine's grains took to answer a call, queueing included");
    public static readonly Histogram<double> ReminderLateness = Meter.CreateHistogram<double>("dispatch.reminder.lateness", "ms",
        "When a case's deadline reminder ran minus when its tick was due");
    public static readonly Histogram<double> EscalationLateness = Meter.CreateHistogram<double>("dispatch.escalation.lateness", "ms",
        "When an escalation fired minus when its deadline fell due");
}
