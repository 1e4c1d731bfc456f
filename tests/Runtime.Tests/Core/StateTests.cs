using Dispatch.Runtime.Storage;
using Dispatch.Runtime.Storage.AdoNet;
using Dispatch.Runtime.Testing;
using Dispatch.Runtime.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Dispatch.Runtime.Tests.Core;

public sealed class StateTests
{
    private static StoreOptions NewStore() => StoreOptions.Sqlite(TestDatabases.NewSqliteFile());

    [Fact]
    public async Task State_SurvivesIdleDeactivation()
    {
        await using var silo = await RuntimeSilo.StartAsync(NewStore());
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(RuntimeSilo.Key());
        await counter.Increment();
        await counter.Increment();

        silo.Clock.Advance(Duration.FromMinutes(16));
        var collected = await silo.Runtime.CollectIdleActivationsAsync();

        Assert.True(collected >= 1, "the idle counter should have been deactivated");
        Assert.Equal(2, await counter.Get());
        Assert.Equal(2, await counter.ActivationCount());
    }

    [Fact]
    public async Task CollectIdle_RecentlyUsed_KeepsActivation()
    {
        await using var silo = await RuntimeSilo.StartAsync(NewStore());
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(RuntimeSilo.Key());
        await counter.Increment();

        silo.Clock.Advance(Duration.FromMinutes(14));

        Assert.Equal(0, await silo.Runtime.CollectIdleActivationsAsync());
        Assert.Equal(1, await counter.ActivationCount());
    }

    [Fact]
    public async Task State_SurvivesSiloRestart()
    {
        var silo = await RuntimeSilo.StartAsync(NewStore());
        var key = RuntimeSilo.Key();
        await silo.GrainFactory.GetGrain<ICounterGrain>(key).Increment();

        silo = await silo.RestartAsync();
        await using var _ = silo;

        Assert.Equal(1, await silo.GrainFactory.GetGrain<ICounterGrain>(key).Get());
    }

    [Fact]
    public async Task WriteState_StaleETag_ThrowsConflictToCaller()
    {
        await using var silo = await RuntimeSilo.StartAsync(NewStore());
        var key = RuntimeSilo.Key();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.Increment();
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        var row = await storage.ReadAsync("counter", key);
        await storage.WriteAsync("counter", key, row!.Payload, row.ETag);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => counter.Increment());

        Assert.Equal(key, error.GrainKey);
    }

    [Fact]
    public async Task Activation_CorruptStateRow_ErrorNamesGrainAndOthersKeepWorking()
    {
        await using var silo = await RuntimeSilo.StartAsync(NewStore());
        var key = RuntimeSilo.Key();
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        await storage.WriteAsync("counter", key, "{ this is not json", null);

        var error = await Assert.ThrowsAsync<CorruptStateException>(() => silo.GrainFactory.GetGrain<ICounterGrain>(key).Get());

        Assert.Contains($"counter/{key}", error.Message);
        Assert.Equal(1, await silo.GrainFactory.GetGrain<ICounterGrain>(RuntimeSilo.Key()).Increment());
    }

    [Fact]
    public async Task Start_StoreUnreachable_FailsNamingTheStore()
    {
        var store = StoreOptions.Postgres("Host=127.0.0.1;Port=1;Database=nowhere;Username=postgres;Timeout=3");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => RuntimeSilo.StartAsync(store));

        Assert.Contains("127.0.0.1", error.Message);
        Assert.Contains("nowhere", error.Message);
    }
}
