using Dispatch.LoadTests.Bench;

namespace Dispatch.LoadTests.Baselines;

/// <summary>The runtime's raw grain-call rate (in process, no HTTP, no storage): the bench command's concurrent shape, briefly.</summary>
public static class GrainCallBaseline
{
    public static async Task<BaselineFigure> RunAsync(TimeSpan duration, int callers, CancellationToken cancellationToken)
    {
        var result = await RuntimeBenchmark.MeasureGrainCallsAsync(duration, TimeSpan.FromMilliseconds(500), callers, cancellationToken);
        return new BaselineFigure(result.CallsPerSecond,
            $"{callers} callers → {callers} grains for {duration.TotalSeconds:0.#} s in this process (p50 {result.P50Micros:0.0} µs, p99 {result.P99Micros:0.0} µs)");
    }
}
