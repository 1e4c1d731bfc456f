using System.Data.Common;

namespace Dispatch.Runtime.Storage.AdoNet;

/// <summary>
/// What differs between the databases <see cref="AdoNetStore"/> runs on: how connections are made and prepared,
/// column types and schema DDL (as numbered migrations), parameter style, upsert syntax, how schema changes are
/// serialized between processes, and whether writes must be serialized in-process.
/// The store's DML is otherwise shared.
/// </summary>
internal interface ISqlDialect : IAsyncDisposable, IDisposable
{
    /// <summary>Short store name for messages, without secrets, such as "SQLite /data/dispatch.db".</summary>
    string Description { get; }

    /// <summary>
    /// True when the database admits one writer at a time (SQLite): the store then queues its writes in-process
    /// instead of letting them collide on the database lock.
    /// </summary>
    bool SerializesWrites { get; }

    /// <summary>The schema, as migrations numbered from 1 upward. A migration never changes once released.</summary>
    IReadOnlyList<Migration> Migrations { get; }

    /// <summary>DDL creating the schema_version table when absent.</summary>
    string CreateSchemaVersionTableSql { get; }

    /// <summary>A new, closed connection.</summary>
    DbConnection CreateConnection();

    /// <summary>Per-connection settings, run after every open (the connection may come from a pool).</summary>
    Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Database-wide preparation run once at start, before migrations and outside any transaction (SQLite: WAL journal mode).</summary>
    Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Makes sure the database's directory or server is there before the first open, when the dialect can.</summary>
    void EnsureLocation();

    /// <summary>
    /// Taken first inside the migration transaction: serializes schema changes between processes that start together
    /// (a transaction-scoped advisory lock on PostgreSQL; SQLite's transaction already holds the write lock).
    /// </summary>
    Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>How a parameter named <paramref name="name"/> is written in SQL text.</summary>
    string Parameter(string name);

    /// <summary>INSERT of <paramref name="columns"/> that does nothing when a row with the same key exists.</summary>
    string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns);

    /// <summary>INSERT of <paramref name="columns"/> that replaces the non-key columns when a row with the same key exists.</summary>
    string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns);
}

/// <summary>One schema step: its number and the statements that make it, run in one transaction.</summary>
internal sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);

/// <summary>SQL text shared by the dialects that speak <c>INSERT ... ON CONFLICT</c> (PostgreSQL ≥ 9.5, SQLite ≥ 3.24).</summary>
internal static class OnConflictSql
{
    public static string InsertIfAbsent(ISqlDialect dialect, string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        $"{Insert(dialect, table, columns)} ON CONFLICT ({string.Join(", ", keyColumns)}) DO NOTHING";

    public static string Upsert(ISqlDialect dialect, string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns)
    {
        var updates = columns.Where(c => !keyColumns.Contains(c)).Select(c => $"{c} = excluded.{c}");
        return $"{Insert(dialect, table, columns)} ON CONFLICT ({string.Join(", ", keyColumns)}) DO UPDATE SET {string.Join(", ", updates)}";
    }

    private static string Insert(ISqlDialect dialect, string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(dialect.Parameter))})";
}
