using Dispatch.Runtime.Storage.AdoNet;
using Dispatch.Runtime.Testing;
using NodaTime;

namespace Dispatch.Runtime.Tests.Storage;

/// <summary>A database shared by the tests of one conformance class, and fresh ones on demand.</summary>
public interface IStoreFixture
{
    /// <summary>The class's database (tests keep apart by using their own grain types).</summary>
    StoreOptions Options { get; }

    /// <summary>A database nobody has used yet.</summary>
    Task<StoreOptions> NewDatabaseAsync();
}

/// <summary>A SQLite file in the test process's temp directory.</summary>
public sealed class SqliteStoreFixture : IStoreFixture
{
    public StoreOptions Options { get; } = StoreOptions.Sqlite(TestDatabases.NewSqliteFile());

    public Task<StoreOptions> NewDatabaseAsync() => Task.FromResult(StoreOptions.Sqlite(TestDatabases.NewSqliteFile()));
}

/// <summary>A fresh PostgreSQL database on the server in DISPATCH_TEST_PG, or on a throwaway server.</summary>
public sealed class PostgresStoreFixture : IStoreFixture, IAsyncLifetime
{
    private StoreOptions? options;

    public StoreOptions Options => options ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task<StoreOptions> NewDatabaseAsync() => StoreOptions.Postgres(await TestDatabases.NewPostgresDatabaseAsync());

    public async Task InitializeAsync() => options = await NewDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>A clock the test sets.</summary>
public sealed class TestClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}
