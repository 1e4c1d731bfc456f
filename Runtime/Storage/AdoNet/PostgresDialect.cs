using System.Data.Common;
using Npgsql;

namespace Dispatch.Runtime.Storage.AdoNet;

/// <summary>
/// PostgreSQL through Npgsql's <see cref="NpgsqlDataSource"/> (which pools connections). Keys are compared with the
/// "C" collation so that ordering matches SQLite's byte order whatever the database's locale.
/// </summary>
internal sealed class PostgresDialect : ISqlDialect
{
    /// <summary>Key of the transaction-scoped advisory lock that serializes migrations ("DISPATCH" in ASCII).</summary>
    private const long SchemaLockKey = 0x4449535041544348;

    private readonly NpgsqlDataSource dataSource;

    public PostgresDialect(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Invalid PostgreSQL connection string: {e.Message}", nameof(connectionString), e);
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new ArgumentException("The PostgreSQL connection string names no Host.", nameof(connectionString));
        if (string.IsNullOrEmpty(builder.ApplicationName))
            builder.ApplicationName = "dispatch";

        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "(default database)"}";
        dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Description { get; }

    public bool SerializesWrites => false;

    public string CreateSchemaVersionTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "grain state and reminders",
        [
            """
            CREATE TABLE grain_state (
                grain_type TEXT COLLATE "C" NOT NULL,
                grain_key  TEXT COLLATE "C" NOT NULL,
                etag       TEXT NOT NULL,
                payload    TEXT NOT NULL,
                modified   BIGINT NOT NULL,
                PRIMARY KEY (grain_type, grain_key))
            """,
            """
            CREATE TABLE reminders (
                grain_type TEXT COLLATE "C" NOT NULL,
                grain_key  TEXT COLLATE "C" NOT NULL,
                name       TEXT COLLATE "C" NOT NULL,
                due_at     BIGINT NOT NULL,
                period     BIGINT NULL,
                etag       TEXT NOT NULL,
                PRIMARY KEY (grain_type, grain_key, name))
            """,
        ]),
    ];

    public DbConnection CreateConnection() => dataSource.CreateConnection();

    public void EnsureLocation()
    {
        // A server: nothing to create from here.
    }

    public Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({SchemaLockKey})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public string Parameter(string name) => "@" + name;

    public string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        OnConflictSql.InsertIfAbsent(this, table, columns, keyColumns);

    public string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        OnConflictSql.Upsert(this, table, columns, keyColumns);

    public void Dispose() => dataSource.Dispose();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
