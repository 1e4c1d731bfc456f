using Dispatch.Runtime.Storage.AdoNet;
using Dispatch.Runtime.Testing;
using Dispatch.Runtime.Tests.TestGrains;

namespace Dispatch.Runtime.Tests.Core;

public sealed class TimeoutTests
{
    [Fact]
    public async Task Call_GrainNeverAnswers_TimesOutNamingGrainAndMethod()
    {
        await using var silo = await RuntimeSilo.StartAsync(StoreOptions.Sqlite(TestDatabases.NewSqliteFile()),
            o => o.CallTimeout = TimeSpan.FromMilliseconds(300));
        var key = RuntimeSilo.Key();

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => silo.GrainFactory.GetGrain<IFaultyGrain>(key).Hang());

        Assert.Contains($"faulty/{key}", error.Message);
        Assert.Contains("IFaultyGrain.Hang", error.Message);
    }
}
