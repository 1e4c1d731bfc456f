using System.Diagnostics;
using System.Threading.Channels;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Storage;
using Npgsql;

namespace Dispatch.LoadTests.Seeding;

/// <summary>
/// Fills the read-model tables (case_view, summons_view, stats_fact) of a PostgreSQL database with a made-up history,
/// straight through COPY: the schema first (<see cref="OrleansSchema.ApplyAsync"/>, as the silo applies it), then per
/// table, on its own connection and in one transaction, its indexes dropped, the rows copied in the order of the
/// case ids, the indexes built again; last VACUUM ANALYZE. Nothing else is written: no grain state, no reminders.
/// A failure rolls each table back to empty, indexes and all.
/// </summary>
public static class ReadModelSeeder
{
    /// <summary>How many days are made ahead of the COPY, in parallel.</summary>
    private static readonly int Lookahead = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Applies the schema and checks that the three tables are empty (or empties them).</summary>
    /// <exception cref="SeedException">The tables hold rows and <paramref name="truncate"/> is false.</exception>
    public static async Task PrepareAsync(string connectionString, bool truncate, CancellationToken ct)
    {
        await OrleansSchema.ApplyAsync(StoreOptions.Postgres(connectionString), ct);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        if (truncate)
        {
            await ExecuteAsync(connection, null, $"TRUNCATE {string.Join(", ", ReadModelTables.All)}", ct);
            return;
        }
        foreach (var table in ReadModelTables.All)
        {
            await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {table})", connection);
            if ((bool)(await any.ExecuteScalarAsync(ct))!)
                throw new SeedException($"The table {table} already holds rows; seed an empty database, or pass --truncate to empty the three read-model tables first.");
        }
    }

    /// <summary>Generates the history of <paramref name="spec"/> in <paramref name="city"/> and loads it.</summary>
    public static async Task<SeedResult> SeedAsync(string connectionString, CityModel city, HistorySpec spec, ISeedProgress progress,
        CancellationToken ct)
    {
        var generator = new HistoryGenerator(city, spec);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loaders = new List<TableLoader>();
        var writing = new List<Task>();
        try
        {
            foreach (var table in ReadModelTables.All)
                loaders.Add(await TableLoader.OpenAsync(connectionString, table, ct));
            progress.Phase($"Dropped the indexes of {string.Join(", ", ReadModelTables.All)} for the load (built again at the end, same transaction).");

            var copy = Stopwatch.StartNew();
            var tally = new Tally(spec.Until);
            writing.AddRange(loaders.Select(l => l.RunAsync(stop.Token)));
            var days = Channel.CreateBounded<Task<IReadOnlyList<GeneratedCase>>>(Lookahead);
            var making = Task.Run(async () =>
            {
                try
                {
                    for (var day = 0; day < generator.DayCount; day++)
                    {
                        var d = day;
                        await days.Writer.WriteAsync(Task.Run(() => generator.Day(d), stop.Token), stop.Token);
                    }
                    days.Writer.Complete();
                }
                catch (Exception e)
                {
                    days.Writer.Complete(e);
                }
            }, stop.Token);
            await foreach (var next in days.Reader.ReadAllAsync(ct))
            {
                var cases = await next;
                tally.Add(cases);
                try
                {
                    foreach (var loader in loaders) await loader.EnqueueAsync(cases, ct);
                }
                catch (ChannelClosedException)
                {
                    // A COPY failed and closed its queue: its error is the one to report.
                    await Task.WhenAll(writing);
                    throw;
                }
                progress.CasesWritten(tally.Cases, spec.Cases, loaders.Sum(l => l.Rows));
            }
            await making;
            foreach (var loader in loaders) loader.Complete();
            await Task.WhenAll(writing);
            var copySeconds = copy.Elapsed.TotalSeconds;
            progress.CasesWritten(tally.Cases, spec.Cases, loaders.Sum(l => l.Rows));

            progress.Phase("Building the indexes again (one connection per table) ...");
            var index = Stopwatch.StartNew();
            await Task.WhenAll(loaders.Select(l => l.FinishAsync(progress.Phase, ct)));
            var indexSeconds = index.Elapsed.TotalSeconds;

            progress.Phase("VACUUM ANALYZE ...");
            var vacuum = Stopwatch.StartNew();
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(ct);
                foreach (var table in ReadModelTables.All)
                    await ExecuteAsync(connection, null, $"VACUUM (ANALYZE) {table}", ct, timeoutSeconds: 0);
            }
            return tally.Result(loaders[0].Rows, loaders[1].Rows, loaders[2].Rows, copySeconds, indexSeconds, vacuum.Elapsed.TotalSeconds);
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var loader in loaders) loader.Complete();
            try
            {
                await Task.WhenAll(writing);
            }
            catch (Exception)
            {
                // Already reported, or the result of stopping them: the transactions roll back below.
            }
            foreach (var loader in loaders) await loader.DisposeAsync();
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct, int timeoutSeconds = 30)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Counts by state and the rest of the mix, as the days go by.</summary>
    private sealed class Tally(NodaTime.Instant now)
    {
        private readonly Dictionary<CaseState, long> _states = Enum.GetValues<CaseState>().ToDictionary(s => s, _ => 0L);
        private long _open, _overdue, _escalated, _openSummonses;

        public long Cases { get; private set; }

        public void Add(IReadOnlyList<GeneratedCase> cases)
        {
            foreach (var c in cases)
            {
                Cases++;
                _states[c.View.State]++;
                if (c.IsOpen) _open++;
                if (c.IsOpen && c.View.DueAt is { } due && due < now) _overdue++;
                if (c.Escalations > 0) _escalated++;
                _openSummonses += c.OpenSummonses;
            }
        }

        public SeedResult Result(long cases, long summonses, long facts, double copy, double index, double vacuum) =>
            new(cases, summonses, facts, _states, _open, _overdue, _escalated, _openSummonses, copy, index, vacuum);
    }

    /// <summary>
    /// One table's load: its own connection and transaction, indexes dropped at the start and made again at the end,
    /// rows written by a thread of its own from a queue of days.
    /// </summary>
    private sealed class TableLoader : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;
        private readonly string _table;
        private readonly IReadOnlyList<(string Name, string Create)> _indexes;
        private readonly Channel<IReadOnlyList<GeneratedCase>> _queue = Channel.CreateBounded<IReadOnlyList<GeneratedCase>>(8);
        private long _rows;

        private TableLoader(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, IReadOnlyList<(string, string)> indexes)
        {
            (_connection, _transaction, _table, _indexes) = (connection, transaction, table, indexes);
        }

        public long Rows => Interlocked.Read(ref _rows);

        public static async Task<TableLoader> OpenAsync(string connectionString, string table, CancellationToken ct)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, transaction, "SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL synchronous_commit = off", ct);
            var indexes = new List<(string Name, string Create)>();
            await using (var read = new NpgsqlCommand("""
                SELECT i.relname, pg_get_indexdef(x.indexrelid), c.conname, pg_get_constraintdef(c.oid)
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
                WHERE x.indrelid = @table::regclass
                ORDER BY c.conname IS NULL, i.relname
                """, connection, transaction))
            {
                read.Parameters.AddWithValue("table", table);
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    indexes.Add(reader.IsDBNull(2)
                        ? (reader.GetString(0), reader.GetString(1))
                        : (reader.GetString(2), $"ALTER TABLE {table} ADD CONSTRAINT {reader.GetString(2)} {reader.GetString(3)}"));
                }
            }
            foreach (var (name, create) in indexes)
            {
                await ExecuteAsync(connection, transaction, create.StartsWith("ALTER", StringComparison.Ordinal)
                    ? $"ALTER TABLE {table} DROP CONSTRAINT {name}"
                    : $"DROP INDEX {name}", ct);
            }
            return new TableLoader(connection, transaction, table, indexes);
        }

        public ValueTask EnqueueAsync(IReadOnlyList<GeneratedCase> day, CancellationToken ct) => _queue.Writer.WriteAsync(day, ct);

        public void Complete() => _queue.Writer.TryComplete();

        /// <summary>Runs the COPY on a thread of its own until the queue is completed.</summary>
        public Task RunAsync(CancellationToken ct) => Task.Factory.StartNew(() =>
        {
            try
            {
                using var writer = _connection.BeginBinaryImport(ReadModelTables.CopyCommand(_table));
                while (_queue.Reader.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult())
                {
                    while (_queue.Reader.TryRead(out var day))
                    {
                        long rows = 0;
                        foreach (var c in day) rows += ReadModelTables.Write(_table, writer, c);
                        Interlocked.Add(ref _rows, rows);
                    }
                }
                writer.Complete();
            }
            catch
            {
                _queue.Writer.TryComplete();
                throw;
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        /// <summary>Builds the dropped indexes again and commits.</summary>
        public async Task FinishAsync(Action<string> log, CancellationToken ct)
        {
            foreach (var (name, create) in _indexes)
            {
                var watch = Stopwatch.StartNew();
                await ExecuteAsync(_connection, _transaction, create, ct, timeoutSeconds: 0);
                log($"  {_table}: {name} in {watch.Elapsed.TotalSeconds:0.0} s");
            }
            await _transaction.CommitAsync(ct);
        }

        public async ValueTask DisposeAsync()
        {
            _queue.Writer.TryComplete();
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}

/// <summary>The seed cannot go on: the message says why and what to do.</summary>
public sealed class SeedException(string message) : Exception(message);
