namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>One silo on a fresh PostgreSQL database (TestDatabases), shared by the tests of <see cref="PostgresSiloCollection"/>.</summary>
public sealed class PostgresSiloFixture : IAsyncLifetime
{
    public SiloHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SiloHost.StartPostgresAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
