using Dispatch.Runtime.Tests.TestGrains;

namespace Dispatch.Runtime.Tests.Core;

public sealed class TurnTests(SqliteSiloFixture fixture) : IClassFixture<SqliteSiloFixture>
{
    private IGrainFactory Grains => fixture.Silo.GrainFactory;

    [Fact]
    public async Task Increment_ThousandConcurrentCalls_EndsAtThousandWithoutInterleaving()
    {
        var counter = Grains.GetGrain<ICounterGrain>(RuntimeSilo.Key());

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => counter.Increment())));

        Assert.Equal(1000, await counter.Get());
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
        Assert.Equal(0, await counter.OverlapsSeen());
    }

    [Fact]
    public async Task Call_ExceptionFromTask_KeepsTypeAndMessage()
    {
        var grain = Grains.GetGrain<IFaultyGrain>(RuntimeSilo.Key());

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Throw("summons out of range"));

        Assert.Contains("summons out of range", error.Message);
        Assert.Equal("value", error.ParamName);
    }

    [Fact]
    public async Task Call_ExceptionFromValueTask_KeepsTypeAndMessage()
    {
        var grain = Grains.GetGrain<IFaultyGrain>(RuntimeSilo.Key());

        var error = await Assert.ThrowsAsync<FormatException>(async () => await grain.ThrowFromValueTask("bad colour"));

        Assert.Equal("bad colour", error.Message);
    }

    [Fact]
    public async Task Call_CycleThroughTwoGrains_FailsFastNamingTheCycle()
    {
        var a = RuntimeSilo.Key();
        var b = RuntimeSilo.Key();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<CallCycleException>(() => Grains.GetGrain<ICycleGrain>(a).CallThrough(b, a));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"the cycle took {started.Elapsed} to fail; the call timeout is 30 s");
        Assert.Equal([new GrainId("cycle", a), new GrainId("cycle", b), new GrainId("cycle", a)], error.Cycle);
        Assert.Contains($"cycle/{a} → cycle/{b} → cycle/{a}", error.Message);
    }

    [Fact]
    public async Task Call_CycleIntoInterleavingMethod_Succeeds()
    {
        var a = RuntimeSilo.Key();

        var name = await Grains.GetGrain<ICycleGrain>(a).CallThroughInterleaved(RuntimeSilo.Key(), a);

        Assert.Equal(a, name);
    }

    [Fact]
    public async Task Call_ChainWithoutCycle_Succeeds()
    {
        var c = RuntimeSilo.Key();

        Assert.Equal(c, await Grains.GetGrain<ICycleGrain>(RuntimeSilo.Key()).CallThrough(RuntimeSilo.Key(), c));
    }

    [Fact]
    public void GetGrain_UnknownInterface_ThrowsNamingIt()
    {
        var error = Assert.Throws<UnknownGrainInterfaceException>(() => Grains.GetGrain<INotImplementedGrain>("x"));

        Assert.Contains(nameof(INotImplementedGrain), error.Message);
    }

    [Fact]
    public async Task OnActivateAsync_Throws_CallerGetsErrorAndNextCallActivatesAgain()
    {
        var key = RuntimeSilo.Key();
        fixture.Silo.Services.GetService(typeof(ActivationFaults)).As<ActivationFaults>().FailNext(key, 1);
        var grain = Grains.GetGrain<IFaultyGrain>(key);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Echo("first"));

        Assert.Equal($"activation of {key} refused", error.Message);
        Assert.Equal("second", await grain.Echo("second"));
    }

    [Fact]
    public async Task Timer_Ticks_RunAsTurn()
    {
        var key = RuntimeSilo.Key();
        var signals = fixture.Silo.Services.GetService(typeof(TimerSignals)).As<TimerSignals>();
        var grain = Grains.GetGrain<IAlarmGrain>(key);
        var tick = signals.Next(key);

        await grain.StartTimer(TimeSpan.FromMilliseconds(10));

        Assert.Equal(1, await tick.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, await grain.TimerTicks());
    }
}

public interface INotImplementedGrain : IGrainWithStringKey
{
    Task Nothing();
}

internal static class ObjectExtensions
{
    public static T As<T>(this object? value) => (T)value!;
}
