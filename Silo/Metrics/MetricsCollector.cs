using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dispatch.Grains.Engine;

namespace Dispatch.Silo.Metrics;

/// <summary>
/// Listens to the engine's instruments in process (whether or not OpenTelemetry exports them) and
/// keeps totals of counters and the last <see cref="Kept"/> measurements of each histogram, for the JSON snapshot.
/// </summary>
public sealed class MetricsCollector : IHostedService, IDisposable
{
    /// <summary>How many recent measurements of each histogram are kept for percentiles.</summary>
    public const int Kept = 10_000;

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Reservoir> _histograms = new(StringComparer.Ordinal);

    public MetricsCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineTelemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, t) => t + value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _histograms.GetOrAdd(instrument.Name, _ => new Reservoir()).Add(value));
        _listener.Start();
    }

    /// <summary>The total of a counter (or up-down counter) since the silo started; 0 when nothing was measured.</summary>
    public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

    /// <summary>The summary of a histogram, or an empty one.</summary>
    public InstrumentSummary Summary(string instrument)
        => _histograms.TryGetValue(instrument, out var r) ? r.Summary() : new InstrumentSummary(0, null, null, null);

    /// <summary>Listening starts when the collector is built; as a hosted service it is built when the host starts.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();

    private sealed class Reservoir
    {
        private readonly double[] _values = new double[Kept];
        private long _count;
        private readonly Lock _gate = new();

        public void Add(double value)
        {
            lock (_gate) _values[_count++ % Kept] = value;
        }

        public InstrumentSummary Summary()
        {
            double[] sorted;
            long count;
            lock (_gate)
            {
                count = _count;
                sorted = _values.Take((int)Math.Min(count, Kept)).ToArray();
            }
            if (sorted.Length == 0) return new InstrumentSummary(0, null, null, null);
            Array.Sort(sorted);
            double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
            return new InstrumentSummary(count, At(0.5), At(0.99), sorted[^1]);
        }
    }
}
