using Dispatch.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Dispatch.Storage.Tests;

public sealed class StoreOptionsTests
{
    [Fact]
    public void Sqlite_from_a_path_gets_a_pooled_connection_string_with_a_timeout()
    {
        var store = StoreOptions.Sqlite("data/dispatch.db");
        Assert.True(store.IsSqlite);
        Assert.False(store.IsPostgres);
        Assert.Equal("System.Data.SQLite", store.AdoNetInvariant);
        var builder = new SqliteConnectionStringBuilder(store.AdoNetConnectionString);
        Assert.Equal(Path.GetFullPath("data/dispatch.db"), builder.DataSource);
        Assert.True(builder.Pooling);
        Assert.Equal(StoreOptions.SqliteCommandTimeoutSeconds, builder.DefaultTimeout);
        Assert.Contains("Pooling=True", store.AdoNetConnectionString);
        Assert.Equal($"SQLite {Path.GetFullPath("data/dispatch.db")}", store.Description);
    }

    [Fact]
    public void Sqlite_from_a_connection_string_keeps_what_it_says()
    {
        var store = new StoreOptions { Provider = "SQLite", ConnectionString = "Data Source=/tmp/x/dispatch.db;Default Timeout=5;Pooling=False" };
        var builder = new SqliteConnectionStringBuilder(store.AdoNetConnectionString);
        Assert.Equal("/tmp/x/dispatch.db", builder.DataSource);
        Assert.Equal(5, builder.DefaultTimeout);
        Assert.False(builder.Pooling);
        Assert.Equal("SQLite /tmp/x/dispatch.db", store.Description);
    }

    [Fact]
    public void Postgres_is_described_without_its_password()
    {
        const string connectionString = "Host=127.0.0.1;Port=5432;Database=dispatch;Username=dispatch;Password=hunter2";
        var store = new StoreOptions { Provider = "PostgreSQL", ConnectionString = connectionString };
        Assert.True(store.IsPostgres);
        Assert.Equal("Npgsql", store.AdoNetInvariant);
        Assert.Equal(connectionString, store.AdoNetConnectionString);
        Assert.Equal("PostgreSQL 127.0.0.1:5432/dispatch", store.Description);
        Assert.DoesNotContain("hunter2", store.ToString());
        Assert.Equal(StoreOptions.Postgres(connectionString), store with { Provider = "postgres" });
    }

    [Theory]
    [InlineData("mysql", "x")]
    [InlineData("sqlite", "")]
    [InlineData("sqlite", ":memory:")]
    [InlineData("sqlite", "Data Source=x.db;Mode=Memory")]
    [InlineData("postgres", " ")]
    [InlineData("postgres", "Database=dispatch")]
    [InlineData("postgres", "Hots=127.0.0.1")]
    public void Invalid_options_are_refused(string provider, string connectionString)
    {
        var store = new StoreOptions { Provider = provider, ConnectionString = connectionString };
        Assert.ThrowsAny<ArgumentException>(store.Validate);
    }
}
