using Dispatch.Runtime.Storage.AdoNet;
using Dispatch.Runtime.Testing;

namespace Dispatch.Runtime.Tests;

/// <summary>One silo on a fresh SQLite file shared by a test class; each test uses fresh grain keys.</summary>
public sealed class SqliteSiloFixture : IAsyncLifetime
{
    public TestSilo Silo { get; private set; } = null!;
    public StoreOptions Store { get; } = StoreOptions.Sqlite(TestDatabases.NewSqliteFile());

    public async Task InitializeAsync() => Silo = await RuntimeSilo.StartAsync(Store);

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}
