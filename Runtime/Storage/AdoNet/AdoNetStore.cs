using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Dispatch.Runtime.Storage.AdoNet;

/// <summary>
/// Grain state and reminders in a relational database over plain ADO.NET: SQLite (embedded, the default) or
/// PostgreSQL, with the same tables and the same SQL apart from what <see cref="ISqlDialect"/> covers.
/// </summary>
/// <remarks>
/// <para>Tables: <c>grain_state(grain_type, grain_key, etag, payload, modified)</c>,
/// <c>reminders(grain_type, grain_key, name, due_at, period, etag)</c> and <c>schema_version(version, applied_at)</c>.
/// Instants are stored as Unix milliseconds and periods as milliseconds, both BIGINT.</para>
/// <para>Every write stores a fresh random ETag, so an ETag is never reused even after a clear. Writes use
/// optimistic concurrency: a writer whose expected ETag is not the stored one gets an
/// <see cref="InconsistentStateException"/> carrying the stored ETag.</para>
/// <para>Safe for concurrent use. On SQLite, writes are queued in-process (one writer at a time) and reads run
/// concurrently; a write that returned is in the WAL and survives a killed process.</para>
/// <para>Call <see cref="InitializeAsync"/> once before use: it creates or upgrades the schema.</para>
/// </remarks>
public sealed class AdoNetStore : IGrainStorage, IReminderTable, IStoreLifecycle, IAsyncDisposable, IDisposable
{
    private static readonly string[] StateColumns = ["grain_type", "grain_key", "etag", "payload", "modified"];
    private static readonly string[] StateKey = ["grain_type", "grain_key"];
    private static readonly string[] ReminderColumns = ["grain_type", "grain_key", "name", "due_at", "period", "etag"];
    private static readonly string[] ReminderKey = ["grain_type", "grain_key", "name"];

    private readonly ISqlDialect dialect;
    private readonly IClock clock;
    private readonly SemaphoreSlim? writeGate;

    private readonly string readStateSql;
    private readonly string readETagSql;
    private readonly string insertStateSql;
    private readonly string updateStateSql;
    private readonly string deleteStateSql;
    private readonly string readAllStateSql;
    private readonly string readAllRemindersSql;
    private readonly string readRemindersSql;
    private readonly string upsertReminderSql;
    private readonly string deleteReminderSql;
    private readonly string deleteReminderWithETagSql;

    internal AdoNetStore(ISqlDialect dialect, IClock clock)
    {
        this.dialect = dialect;
        this.clock = clock;
        writeGate = dialect.SerializesWrites ? new SemaphoreSlim(1, 1) : null;

        string P(string name) => dialect.Parameter(name);
        var stateWhere = $"grain_type = {P("grain_type")} AND grain_key = {P("grain_key")}";
        var reminderWhere = $"{stateWhere} AND name = {P("name")}";
        const string reminderSelect = "SELECT grain_type, grain_key, name, due_at, period, etag FROM reminders";

        readStateSql = $"SELECT etag, payload, modified FROM grain_state WHERE {stateWhere}";
        readETagSql = $"SELECT etag FROM grain_state WHERE {stateWhere}";
        insertStateSql = dialect.InsertIfAbsent("grain_state", StateColumns, StateKey);
        updateStateSql = $"UPDATE grain_state SET etag = {P("etag")}, payload = {P("payload")}, modified = {P("modified")} WHERE {stateWhere} AND etag = {P("expected_etag")}";
        deleteStateSql = $"DELETE FROM grain_state WHERE {stateWhere} AND etag = {P("expected_etag")}";
        readAllStateSql = $"SELECT grain_key, etag, payload, modified FROM grain_state WHERE grain_type = {P("grain_type")} ORDER BY grain_key";
        readAllRemindersSql = $"{reminderSelect} ORDER BY grain_type, grain_key, name";
        readRemindersSql = $"{reminderSelect} WHERE {stateWhere} ORDER BY name";
        upsertReminderSql = dialect.Upsert("reminders", ReminderColumns, ReminderKey);
        deleteReminderSql = $"DELETE FROM reminders WHERE {reminderWhere}";
        deleteReminderWithETagSql = $"{deleteReminderSql} AND etag = {P("expected_etag")}";
    }

    /// <summary>Makes the store <paramref name="options"/> describe. Nothing is opened until the first call.</summary>
    /// <param name="options">Provider and connection string.</param>
    /// <param name="clock">Stamps <see cref="StoredState.Modified"/>; the system clock when null.</param>
    /// <exception cref="ArgumentException">Unknown provider, empty or malformed connection string.</exception>
    public static AdoNetStore Create(StoreOptions options, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ISqlDialect dialect = options.IsSqlite
            ? new SqliteDialect(options.ConnectionString)
            : new PostgresDialect(options.ConnectionString);
        return new AdoNetStore(dialect, clock ?? SystemClock.Instance);
    }

    /// <inheritdoc />
    public string Description => dialect.Description;

    /// <summary>The schema version this build creates (the highest migration number).</summary>
    public int SchemaVersion => dialect.Migrations[^1].Version;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            dialect.EnsureLocation();
            using var _ = await EnterWriteAsync(cancellationToken);
            await using var connection = await OpenAsync(cancellationToken);
            await dialect.PrepareDatabaseAsync(connection, cancellationToken);

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await dialect.LockSchemaAsync(connection, transaction, cancellationToken);
            await ExecuteAsync(connection, transaction, dialect.CreateSchemaVersionTableSql, cancellationToken);

            await using (var read = Command(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction))
            {
                var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                foreach (var migration in dialect.Migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
                {
                    foreach (var statement in migration.Statements)
                        await ExecuteAsync(connection, transaction, statement, cancellationToken);

                    await using var record = Command(connection,
                        $"INSERT INTO schema_version (version, applied_at) VALUES ({dialect.Parameter("version")}, {dialect.Parameter("applied_at")})", transaction);
                    AddParameter(record, "version", migration.Version);
                    AddParameter(record, "applied_at", clock.GetCurrentInstant().ToUnixTimeMilliseconds());
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not StorageUnavailableException and not OperationCanceledException)
        {
            throw new StorageUnavailableException(Description, e);
        }
    }

    /// <summary>The highest schema version recorded in the database (0 before the first initialization).</summary>
    internal async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    // ---------------------------------------------------------------- grain state

    /// <inheritdoc />
    public async Task<StoredState?> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken = default)
    {
        ValidateKey(grainType, grainKey);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, readStateSql);
        AddKey(command, grainType, grainKey);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new StoredState(grainType, grainKey, reader.GetString(0), reader.GetString(1), Instant.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(string grainType, string grainKey, string payload, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ValidateKey(grainType, grainKey);
        ArgumentNullException.ThrowIfNull(payload);
        var etag = NewETag();

        using var _ = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, expectedETag is null ? insertStateSql : updateStateSql);
        AddKey(command, grainType, grainKey);
        AddParameter(command, "etag", etag);
        AddParameter(command, "payload", payload);
        AddParameter(command, "modified", clock.GetCurrentInstant().ToUnixTimeMilliseconds());
        if (expectedETag is not null)
            AddParameter(command, "expected_etag", expectedETag);

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            return etag;
        throw new InconsistentStateException(grainType, grainKey, expectedETag, await ReadETagAsync(connection, grainType, grainKey, cancellationToken));
    }

    /// <inheritdoc />
    public async Task ClearAsync(string grainType, string grainKey, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ValidateKey(grainType, grainKey);
        if (expectedETag is null)
        {
            // Nothing to delete: the call only asserts that there is no row.
            await using var readConnection = await OpenAsync(cancellationToken);
            var stored = await ReadETagAsync(readConnection, grainType, grainKey, cancellationToken);
            if (stored is not null)
                throw new InconsistentStateException(grainType, grainKey, null, stored);
            return;
        }

        using var _ = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, deleteStateSql);
        AddKey(command, grainType, grainKey);
        AddParameter(command, "expected_etag", expectedETag);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            throw new InconsistentStateException(grainType, grainKey, expectedETag, await ReadETagAsync(connection, grainType, grainKey, cancellationToken));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredState> ReadAllAsync(string grainType, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, readAllStateSql);
        AddParameter(command, "grain_type", grainType);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new StoredState(grainType, reader.GetString(0), reader.GetString(1), reader.GetString(2), Instant.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    // ---------------------------------------------------------------- reminders

    /// <summary>All reminders, ordered by grain type, grain key and name.</summary>
    public async Task<IReadOnlyList<ReminderEntry>> ReadAllRemindersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, readAllRemindersSql);
        return await ReadRemindersAsync(command, cancellationToken);
    }

    /// <summary>The reminders of one grain, ordered by name.</summary>
    public async Task<IReadOnlyList<ReminderEntry>> ReadRemindersAsync(string grainType, string grainKey, CancellationToken cancellationToken = default)
    {
        ValidateKey(grainType, grainKey);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, readRemindersSql);
        AddKey(command, grainType, grainKey);
        return await ReadRemindersAsync(command, cancellationToken);
    }

    /// <summary>
    /// Inserts or replaces the reminder (the ETag of <paramref name="entry"/> is ignored). Returns it as stored:
    /// with its new ETag, and with <see cref="ReminderEntry.DueAt"/> and <see cref="ReminderEntry.Period"/> cut to milliseconds.
    /// </summary>
    public async Task<ReminderEntry> UpsertReminderAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ValidateKey(entry.GrainType, entry.GrainKey);
        ArgumentException.ThrowIfNullOrEmpty(entry.Name, nameof(entry));
        var stored = entry with
        {
            DueAt = Instant.FromUnixTimeMilliseconds(entry.DueAt.ToUnixTimeMilliseconds()),
            Period = entry.Period is { } period ? Duration.FromMilliseconds(ToMilliseconds(period)) : null,
            ETag = NewETag(),
        };

        using var _ = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, upsertReminderSql);
        AddKey(command, stored.GrainType, stored.GrainKey);
        AddParameter(command, "name", stored.Name);
        AddParameter(command, "due_at", stored.DueAt.ToUnixTimeMilliseconds());
        AddParameter(command, "period", stored.Period is { } p ? ToMilliseconds(p) : null);
        AddParameter(command, "etag", stored.ETag);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return stored;
    }

    /// <summary>Removes the reminder when its ETag matches (null: whatever it is). Returns false when nothing was removed.</summary>
    public async Task<bool> DeleteReminderAsync(string grainType, string grainKey, string name, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ValidateKey(grainType, grainKey);
        ArgumentException.ThrowIfNullOrEmpty(name);

        using var _ = await EnterWriteAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, expectedETag is null ? deleteReminderSql : deleteReminderWithETagSql);
        AddKey(command, grainType, grainKey);
        AddParameter(command, "name", name);
        if (expectedETag is not null)
            AddParameter(command, "expected_etag", expectedETag);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    Task<IReadOnlyList<ReminderEntry>> IReminderTable.ReadAllAsync(CancellationToken cancellationToken) =>
        ReadAllRemindersAsync(cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> IReminderTable.ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken) =>
        ReadRemindersAsync(grainType, grainKey, cancellationToken);

    Task<ReminderEntry> IReminderTable.UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken) =>
        UpsertReminderAsync(entry, cancellationToken);

    Task<bool> IReminderTable.DeleteAsync(string grainType, string grainKey, string name, string? expectedETag, CancellationToken cancellationToken) =>
        DeleteReminderAsync(grainType, grainKey, name, expectedETag, cancellationToken);

    // ---------------------------------------------------------------- lifetime

    /// <summary>Closes pooled connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await dialect.DisposeAsync();
        writeGate?.Dispose();
    }

    /// <summary>Closes pooled connections.</summary>
    public void Dispose()
    {
        dialect.Dispose();
        writeGate?.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"AdoNetStore {Description}";

    // ---------------------------------------------------------------- helpers

    /// <summary>Opens and prepares a connection; a failure to open means the store is unreachable.</summary>
    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = dialect.CreateConnection();
        try
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch (DbException e)
            {
                throw new StorageUnavailableException(Description, e);
            }
            await dialect.PrepareConnectionAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async ValueTask<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (writeGate is null)
            return default;
        await writeGate.WaitAsync(cancellationToken);
        return new WriteTurn(writeGate);
    }

    /// <summary>Releases the in-process write gate, when there is one, on dispose.</summary>
    private readonly struct WriteTurn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }

    private async Task<string?> ReadETagAsync(DbConnection connection, string grainType, string grainKey, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, readETagSql);
        AddKey(command, grainType, grainKey);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadRemindersAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Instant.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : Duration.FromMilliseconds(reader.GetInt64(4)),
                reader.GetString(5)));
        }
        return entries;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private void AddKey(DbCommand command, string grainType, string grainKey)
    {
        AddParameter(command, "grain_type", grainType);
        AddParameter(command, "grain_key", grainKey);
    }

    private void AddParameter(DbCommand command, string name, string value) => AddParameter(command, name, value, DbType.String);

    private void AddParameter(DbCommand command, string name, long? value) => AddParameter(command, name, value, DbType.Int64);

    private void AddParameter(DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = dialect.Parameter(name);
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static void ValidateKey(string grainType, string grainKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentException.ThrowIfNullOrEmpty(grainKey);
    }

    private static long ToMilliseconds(Duration duration) => duration.BclCompatibleTicks / TimeSpan.TicksPerMillisecond;

    private static string NewETag() => Guid.NewGuid().ToString("N");
}
