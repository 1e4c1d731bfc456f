namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>One silo on a fresh SQLite file, shared by the tests of <see cref="SqliteSiloCollection"/>.</summary>
public sealed class SqliteSiloFixture : IAsyncLifetime
{
    public SiloHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SiloHost.StartSqliteAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
