using Dispatch.Runtime.Storage.AdoNet;
using Dispatch.Runtime.Testing;
using Dispatch.Runtime.Tests.TestGrains;

namespace Dispatch.Runtime.Tests.Core;

public sealed class SerializationTests
{
    [Fact]
    public async Task SerializeMessages_SerializableCall_Succeeds()
    {
        await using var silo = await RuntimeSilo.StartAsync(StoreOptions.Sqlite(TestDatabases.NewSqliteFile()), o => o.SerializeMessages = true);

        Assert.Equal("hello", await silo.GrainFactory.GetGrain<IFaultyGrain>(RuntimeSilo.Key()).Echo("hello"));
    }

    [Fact]
    public async Task SerializeMessages_ArgumentThatCannotTravel_FailsNamingMethodAndType()
    {
        await using var silo = await RuntimeSilo.StartAsync(StoreOptions.Sqlite(TestDatabases.NewSqliteFile()), o => o.SerializeMessages = true);

        var grain = silo.GrainFactory.GetGrain<IUnserializableGrain>(RuntimeSilo.Key());

        var error = Assert.Throws<NotSupportedException>(() => { _ = grain.Take(new Unserializable(() => 1)); });

        Assert.Contains("IUnserializableGrain.Take", error.Message);
        Assert.Contains(nameof(Unserializable), error.Message);
    }
}
