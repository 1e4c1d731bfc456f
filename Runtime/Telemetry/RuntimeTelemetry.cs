using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dispatch.Runtime;

/// <summary>The runtime's traces and metrics, named "Dispatch.Runtime" for OpenTelemetry.</summary>
public static class RuntimeTelemetry
{
    public const string Name = "Dispatch.Runtime";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("dispatch.runtime.calls", description: "Grain calls sent");
    public static readonly Histogram<double> TurnLatency = Meter.CreateHistogram<double>("dispatch.runtime.turn.duration", "ms", "Time a grain turn ran");
    public static readonly UpDownCounter<long> Activations = Meter.CreateUpDownCounter<long>("dispatch.runtime.activations", description: "Live grain activations");
    public static readonly Histogram<double> ReminderLateness = Meter.CreateHistogram<double>("dispatch.runtime.reminder.lateness", "ms", "Reminder delivery time minus due time");
    public static readonly Counter<long> RemindersFired = Meter.CreateCounter<long>("dispatch.runtime.reminders.fired", description: "Reminders delivered");
    public static readonly Counter<long> EventsPublished = Meter.CreateCounter<long>("dispatch.runtime.events.published", description: "Domain events published");
    public static readonly Counter<long> EventsDropped = Meter.CreateCounter<long>("dispatch.runtime.events.dropped", description: "Domain events a slow subscriber lost");
}
