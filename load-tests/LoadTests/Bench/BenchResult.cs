namespace Dispatch.LoadTests.Bench;

/// <summary>One measured shape: calls per second and latency percentiles in microseconds.</summary>
public sealed record BenchResult(string Name, int Callers, long Calls, double Seconds, double P50Micros, double P99Micros)
{
    public double CallsPerSecond => Calls / Seconds;
}
