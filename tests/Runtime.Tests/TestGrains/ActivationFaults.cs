using System.Collections.Concurrent;

namespace Dispatch.Runtime.Tests.TestGrains;

/// <summary>A test service: how many more activations of a key must fail.</summary>
public sealed class ActivationFaults
{
    private readonly ConcurrentDictionary<string, int> _remaining = new();

    public void FailNext(string key, int times) => _remaining[key] = times;

    public bool ShouldFail(string key)
    {
        while (_remaining.TryGetValue(key, out var left) && left > 0)
        {
            if (_remaining.TryUpdate(key, left - 1, left)) return true;
        }
        return false;
    }
}
