using System.Collections.Concurrent;

namespace Dispatch.Runtime.Tests.TestGrains;

/// <summary>Lets a test await a grain timer's tick instead of sleeping.</summary>
public sealed class TimerSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _ticks = new();

    public Task<int> Next(string key) => _ticks.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Signal(string key, int ticks) => _ticks.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(ticks);
}
