using Orleans;

namespace Dispatch.LoadTests.Bench;

/// <summary>The benchmark's grain: answers at once, no state.</summary>
[Alias("dispatch.bench.IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}
