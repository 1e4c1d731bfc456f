using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dispatch.Silo.Storage;

/// <summary>
/// Installs the tables and stored queries that Orleans' ADO.NET providers read (grain state and reminders; on
/// PostgreSQL also cluster membership), from the scripts embedded as Storage/Sql/sqlite.sql and postgres.sql.
/// </summary>
/// <remarks>
/// <para>The script runs whole, in one transaction, every time: it is idempotent, so it creates what is missing
/// on an empty database, leaves the data of an existing one alone and refreshes the stored query texts.</para>
/// <para>SQLite: the file's directory is created when missing and the database is switched to WAL journal mode
/// (a persistent setting) first. PostgreSQL: a transaction-scoped advisory lock serialises silos that start at
/// the same time.</para>
/// </remarks>
public static class OrleansSchema
{
    /// <summary>The schema version this code writes and understands; the scripts record it in DispatchSchema.</summary>
    public const int Version = 5;

    /// <summary>Key of the PostgreSQL advisory lock held while the script runs ("DSORLEAN" in ASCII).</summary>
    private const long PostgresLockKey = 0x44534F524C45414E;

    private static readonly Lazy<string> SqliteScript = new(() => LoadScript("sqlite.sql"));
    private static readonly Lazy<string> PostgresScript = new(() => LoadScript("postgres.sql"));

    /// <summary>Creates or updates the schema in the database <paramref name="store"/> names.</summary>
    /// <param name="store">Which database; validated first.</param>
    /// <param name="ct">Cancels the work; the transaction is rolled back.</param>
    /// <exception cref="ArgumentException"><paramref name="store"/> is invalid.</exception>
    /// <exception cref="StorageUnavailableException">The database cannot be reached, opened or created, or refuses the script.</exception>
    /// <exception cref="InvalidOperationException">The database holds a newer schema version than <see cref="Version"/>.</exception>
    public static async Task ApplyAsync(StoreOptions store, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Validate();
        var description = store.Description;
        var script = store.IsSqlite ? SqliteScript.Value : PostgresScript.Value;

        if (store.IsSqlite)
            CreateDirectory(store.SqliteFilePath!, description);

        await using var connection = await OpenAsync(store, description, ct);
        try
        {
            if (store.IsSqlite)
                await EnableWalAsync(connection, description, ct);

            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (store.IsPostgres)
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);

            var found = await ReadVersionAsync(connection, transaction, store.IsSqlite, ct);
            if (found > Version)
                throw new InvalidOperationException(
                    $"The database {description} has schema version {found}, newer than version {Version} that this build of Dispatch knows. Run a newer Dispatch, or point it at another database.");

            await ExecuteAsync(connection, transaction, script, ct);
            await AddReadModelColumnsAsync(connection, transaction, store.IsSqlite, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbException e)
        {
            throw new StorageUnavailableException(description, $"cannot apply the Orleans schema: {Reason(e)}", e);
        }
    }

    /// <summary>Opens a connection to <paramref name="store"/>, turning driver and file errors into <see cref="StorageUnavailableException"/>.</summary>
    internal static async Task<DbConnection> OpenAsync(StoreOptions store, string description, CancellationToken ct)
    {
        DbProviderFactory factory = store.IsSqlite ? SqliteFactory.Instance : NpgsqlFactory.Instance;
        var connection = factory.CreateConnection()
            ?? throw new InvalidOperationException($"{factory.GetType().Name} made no connection.");
        try
        {
            connection.ConnectionString = store.AdoNetConnectionString;
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new StorageUnavailableException(description, $"cannot connect: {Reason(e)}", e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>One line saying what the driver reported, without stack or connection string.</summary>
    internal static string Reason(Exception e)
    {
        var text = e switch
        {
            PostgresException pg => $"{pg.MessageText} (SQLSTATE {pg.SqlState})",
            NpgsqlException { InnerException: SocketException socket } => $"{e.Message}: {socket.Message}",
            NpgsqlException { InnerException: TimeoutException } => $"{e.Message}: timed out",
            NpgsqlException { InnerException: { } inner } when !string.IsNullOrWhiteSpace(inner.Message) => $"{e.Message}: {inner.Message}",
            _ => e.Message,
        };
        return string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static void CreateDirectory(string file, string description)
    {
        var directory = Path.GetDirectoryName(file);
        if (string.IsNullOrEmpty(directory))
            return;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new StorageUnavailableException(description, $"cannot create the directory {directory}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Switches the database to write-ahead logging, which stays set in the file: readers no longer wait for a
    /// writer, so Orleans' threads are not held up by the synchronous SQLite driver.
    /// </summary>
    private static async Task EnableWalAsync(DbConnection connection, string description, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        var mode = Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new StorageUnavailableException(description, $"SQLite refused WAL journal mode (it reports '{mode}'); is the file on a file system without shared-memory support?");
    }

    /// <summary>Columns added to read-model tables after they were first created: (table, column, SQLite type, PostgreSQL type).</summary>
    internal static readonly IReadOnlyList<(string Table, string Column, string Sqlite, string Postgres)> ReadModelColumns =
    [
        ("case_view", "follow_up_due_ns", "INTEGER NULL", "bigint NULL"),
        ("stats_fact", "reopened", "INTEGER NOT NULL DEFAULT 0", "integer NOT NULL DEFAULT 0"),
        ("stats_fact", "repeats", "INTEGER NOT NULL DEFAULT 0", "integer NOT NULL DEFAULT 0"),
    ];

    /// <summary>Adds every <see cref="ReadModelColumns"/> column its table does not have yet (new or upgraded databases alike).</summary>
    private static async Task AddReadModelColumnsAsync(DbConnection connection, DbTransaction transaction, bool sqlite, CancellationToken ct)
    {
        foreach (var (table, column, sqliteType, postgresType) in ReadModelColumns)
        {
            if (!sqlite)
            {
                await ExecuteAsync(connection, transaction, $"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {postgresType}", ct);
                continue;
            }
            var present = await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'", ct);
            if (Convert.ToInt64(present, CultureInfo.InvariantCulture) == 0)
                await ExecuteAsync(connection, transaction, $"ALTER TABLE {table} ADD COLUMN {column} {sqliteType}", ct);
        }
    }

    /// <summary>The highest version recorded in DispatchSchema, or 0 when there is no such table yet.</summary>
    private static async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction transaction, bool sqlite, CancellationToken ct)
    {
        var exists = sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'DispatchSchema'"
            : "SELECT COUNT(*) FROM (SELECT to_regclass('dispatchschema') AS t) AS x WHERE t IS NOT NULL";
        if (Convert.ToInt64(await ScalarAsync(connection, transaction, exists, ct), CultureInfo.InvariantCulture) == 0)
            return 0;
        return Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(Version), 0) FROM DispatchSchema", ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>Reads an embedded script; its resource name is "Dispatch.Silo.Storage.Sql." plus the file name.</summary>
    private static string LoadScript(string fileName)
    {
        var name = "Dispatch.Silo.Storage.Sql." + fileName;
        var assembly = typeof(OrleansSchema).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {assembly.GetName().Name}; the project must embed Storage/Sql/*.sql.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
