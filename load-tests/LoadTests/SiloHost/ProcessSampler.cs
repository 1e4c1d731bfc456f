using System.Diagnostics;
using Dispatch.LoadTests.Observations;
using Dispatch.LoadTests.Surge;

namespace Dispatch.LoadTests.SiloHost;

/// <summary>
/// Samples CPU (per cent of one core over the last interval) and resident memory of the silo and of the load tester
/// itself from /proc every interval until stopped. The silo's pid may change (a restart after a kill).
/// </summary>
public sealed class ProcessSampler(Func<int?> siloPid, TimeSpan interval, RunClock clock, SurgeLog log, string siloName, string selfName)
{
    private readonly Dictionary<string, (int Pid, long Ticks, long At)> _previous = new(StringComparer.Ordinal);

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        SampleAll();
        try
        {
            while (await timer.WaitForNextTickAsync(stop)) SampleAll();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private void SampleAll()
    {
        if (siloPid() is { } pid) Sample(siloName, pid);
        Sample(selfName, Environment.ProcessId);
    }

    private void Sample(string name, int pid)
    {
        var ticks = ProcStat.ReadCpuTicks(pid);
        var rss = ProcStat.ReadRssBytes(pid);
        var now = Stopwatch.GetTimestamp();
        if (ticks is null || rss is null) return;
        double cpu = 0;
        if (_previous.TryGetValue(name, out var p) && p.Pid == pid)
        {
            var seconds = Stopwatch.GetElapsedTime(p.At, now).TotalSeconds;
            if (seconds > 0) cpu = (ticks.Value - p.Ticks) / ProcStat.TicksPerSecond / seconds * 100;
        }
        _previous[name] = (pid, ticks.Value, now);
        log.Add(new ResourceSample(name, pid, clock.NowMs, cpu, rss.Value));
    }
}
