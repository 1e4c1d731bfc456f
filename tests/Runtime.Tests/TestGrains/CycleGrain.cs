namespace Dispatch.Runtime.Tests.TestGrains;

public sealed class CycleGrain : Grain, ICycleGrain
{
    public Task<string> CallThrough(string next, string back) => GrainFactory.GetGrain<ICycleGrain>(next).CallBack(back);

    public Task<string> CallBack(string back) => GrainFactory.GetGrain<ICycleGrain>(back).Name();

    public Task<string> Name() => Task.FromResult(GrainKey);

    public Task<string> InterleavedName() => Task.FromResult(GrainKey);

    public Task<string> CallBackInterleaved(string back) => GrainFactory.GetGrain<ICycleGrain>(back).InterleavedName();

    public Task<string> CallThroughInterleaved(string next, string back)
        => GrainFactory.GetGrain<ICycleGrain>(next).CallBackInterleaved(back);
}
