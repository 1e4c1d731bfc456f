namespace Dispatch.LoadTests.Surge;

/// <summary>Shows a run's progress: phase messages, and the counters while the surge runs.</summary>
public interface ISurgeObserver
{
    void Phase(string message);

    /// <summary>Shows <paramref name="counters"/> until <paramref name="surge"/> completes (and awaits it).</summary>
    Task WatchAsync(SurgeCounters counters, int whistles, Task surge);
}
