using System.Diagnostics;

namespace Dispatch.LoadTests.Bench;

/// <summary>Per-caller latency samples in Stopwatch ticks, merged for percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly List<long>[] _perCaller;

    public LatencyRecorder(int callers)
    {
        _perCaller = Enumerable.Range(0, callers).Select(_ => new List<long>(1 << 16)).ToArray();
    }

    public void Record(int caller, long ticks) => _perCaller[caller].Add(ticks);

    public long Count => _perCaller.Sum(l => (long)l.Count);

    /// <summary>Sorted samples in microseconds.</summary>
    public double[] SortedMicroseconds()
    {
        var all = _perCaller.SelectMany(l => l).Select(t => t * 1_000_000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(all);
        return all;
    }
}
