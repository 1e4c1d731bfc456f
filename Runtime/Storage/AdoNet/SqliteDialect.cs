using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Dispatch.Runtime.Storage.AdoNet;

/// <summary>
/// SQLite, the embedded default: one database file, WAL journal with <c>synchronous=NORMAL</c> (a write that
/// returned survives a killed process), a busy timeout, pooled connections, and one writer at a time.
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    /// <summary>How long a connection waits for another process's write lock before failing with SQLITE_BUSY.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    private readonly string connectionString;

    /// <param name="connectionStringOrPath">A file path, or a Microsoft.Data.Sqlite connection string ("Data Source=...").</param>
    public SqliteDialect(string connectionStringOrPath)
    {
        var builder = connectionStringOrPath.Contains('=')
            ? new SqliteConnectionStringBuilder(connectionStringOrPath)
            : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new ArgumentException("The SQLite connection string names no database file.", nameof(connectionStringOrPath));
        if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            throw new ArgumentException("An in-memory SQLite database is not supported: each pooled connection would see its own empty database. Give a file path.", nameof(connectionStringOrPath));

        builder.DataSource = Path.GetFullPath(builder.DataSource);
        builder.Pooling = true;
        FilePath = builder.DataSource;
        connectionString = builder.ToString();
        Description = $"SQLite {FilePath}";
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    public string Description { get; }

    public bool SerializesWrites => true;

    public string CreateSchemaVersionTableSql =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)";

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "grain state and reminders",
        [
            """
            CREATE TABLE grain_state (
                grain_type TEXT NOT NULL,
                grain_key  TEXT NOT NULL,
                etag       TEXT NOT NULL,
                payload    TEXT NOT NULL,
                modified   INTEGER NOT NULL,
                PRIMARY KEY (grain_type, grain_key))
            """,
            """
            CREATE TABLE reminders (
                grain_type TEXT NOT NULL,
                grain_key  TEXT NOT NULL,
                name       TEXT NOT NULL,
                due_at     INTEGER NOT NULL,
                period     INTEGER NULL,
                etag       TEXT NOT NULL,
                PRIMARY KEY (grain_type, grain_key, name))
            """,
        ]),
    ];

    public DbConnection CreateConnection() => new SqliteConnection(connectionString);

    public void EnsureLocation()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
    }

    public async Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"SQLite refused WAL journal mode (it reports '{mode}'); is the file on a file system without shared-memory support?");
    }

    public Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is already held.

    public string Parameter(string name) => "@" + name;

    public string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        OnConflictSql.InsertIfAbsent(this, table, columns, keyColumns);

    public string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        OnConflictSql.Upsert(this, table, columns, keyColumns);

    public void Dispose()
    {
        // Close the pooled file handles so the file can be moved or deleted once the store is gone.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
