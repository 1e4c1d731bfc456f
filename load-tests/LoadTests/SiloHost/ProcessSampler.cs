using System.Diagnostics;
using Dispatch.LoadTests.Observations;
using Dispatch.LoadTests.Surge;

namespace Dispatch.LoadTests.SiloHost;

/// <summary>
/// Samples CPU (per cent of one core over the last interval, summed over a group's processes) and resident memory of
/// each group from /proc every interval until stopped. A process seen for the first time counts its CPU time so far.
/// </summary>
public sealed class ProcessSampler(IReadOnlyList<SampledProcess> groups, TimeSpan interval, RunClock clock, SurgeLog log)
{
    private readonly Dictionary<string, (Dictionary<int, long> Ticks, long At)> _previous = new(StringComparer.Ordinal);

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
        foreach (var g in groups) Sample(g);
    }

    /// <summary>Records a sample once the group has a previous one to measure CPU against.</summary>
    private void Sample(SampledProcess group)
    {
        var now = Stopwatch.GetTimestamp();
        var ticks = new Dictionary<int, long>();
        long rss = 0;
        foreach (var pid in group.Pids())
        {
            if (ProcStat.ReadCpuTicks(pid) is not { } t || ProcStat.ReadRssBytes(pid) is not { } r) continue;
            ticks[pid] = t;
            rss += r;
        }
        if (ticks.Count == 0) return;
        var found = _previous.TryGetValue(group.Name, out var p);
        _previous[group.Name] = (ticks, now);
        if (!found) return;
        var seconds = Stopwatch.GetElapsedTime(p.At, now).TotalSeconds;
        var delta = ticks.Sum(x => Math.Max(0, x.Value - p.Ticks.GetValueOrDefault(x.Key, 0)));
        var cpu = seconds > 0 ? delta / ProcStat.TicksPerSecond / seconds * 100 : 0;
        log.Add(new ResourceSample(group.Name, ticks.Keys.Min(), clock.NowMs, cpu, rss));
    }

    /// <summary>The children of <paramref name="parent"/> and the parent itself (PostgreSQL: the postmaster and its backends).</summary>
    public static IReadOnlyList<int> SelfAndChildren(int parent)
    {
        var result = new List<int> { parent };
        try
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == parent) continue;
                string stat;
                try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                if (ProcStat.TryParseParentPid(stat, out var ppid) && ppid == parent) result.Add(pid);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return result;
    }
}
