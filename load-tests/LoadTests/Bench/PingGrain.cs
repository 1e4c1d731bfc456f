using Orleans;

namespace Dispatch.LoadTests.Bench;

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}
