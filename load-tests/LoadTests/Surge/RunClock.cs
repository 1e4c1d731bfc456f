using System.Diagnostics;
using NodaTime;

namespace Dispatch.LoadTests.Surge;

/// <summary>The run's clocks: a monotonic one in milliseconds since the start, and the wall clock (to compare with the silo's instants).</summary>
public sealed class RunClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public Instant StartedAt { get; } = SystemClock.Instance.GetCurrentInstant();

    /// <summary>Milliseconds since the run started, monotonic.</summary>
    public double NowMs => Stopwatch.GetElapsedTime(_start).TotalMilliseconds;

    /// <summary>The wall clock now.</summary>
    public Instant NowInstant => SystemClock.Instance.GetCurrentInstant();

    /// <summary>How long until <paramref name="ms"/> (zero if past).</summary>
    public TimeSpan Until(double ms) => TimeSpan.FromMilliseconds(Math.Max(0, ms - NowMs));
}
