using Dispatch.Runtime.Storage.AdoNet;
using Dispatch.Runtime.Testing;
using Microsoft.Data.Sqlite;

namespace Dispatch.Runtime.Tests.Storage;

/// <summary>The store conformance suite on SQLite, plus what only SQLite has.</summary>
public sealed class SqliteStoreTests(SqliteStoreFixture fixture) : StoreConformanceTests(fixture), IClassFixture<SqliteStoreFixture>
{
    private const string UncreatablePath = "/dev/null/dispatch/dispatch.db";

    protected override StoreOptions UnreachableOptions => StoreOptions.Sqlite(UncreatablePath);

    protected override string UnreachableDescription => $"SQLite {UncreatablePath}";

    [Fact]
    public async Task InitializeAsync_Sqlite_SwitchesTheFileToWalJournal()
    {
        var options = await fixture.NewDatabaseAsync();
        await using (var store = AdoNetStore.Create(options))
            await store.InitializeAsync();

        await using var connection = new SqliteConnection($"Data Source={options.ConnectionString};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task InitializeAsync_SqliteFileInMissingDirectory_CreatesTheDirectory()
    {
        var path = Path.Combine(Path.GetDirectoryName(TestDatabases.NewSqliteFile())!, Guid.NewGuid().ToString("N"), "nested", "dispatch.db");
        await using var store = AdoNetStore.Create(StoreOptions.Sqlite(path));

        await store.InitializeAsync();

        Assert.True(File.Exists(path));
        Assert.Equal($"SQLite {path}", store.Description);
    }

    [Fact]
    public void Create_SqliteConnectionString_DescribesTheFullPath()
    {
        using var store = AdoNetStore.Create(StoreOptions.Sqlite("Data Source=relative/dispatch.db"));

        Assert.Equal($"SQLite {Path.GetFullPath("relative/dispatch.db")}", store.Description);
    }

    [Fact]
    public void Create_SqliteInMemory_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => AdoNetStore.Create(StoreOptions.Sqlite(":memory:")));

        Assert.Contains("in-memory", error.Message);
    }
}
