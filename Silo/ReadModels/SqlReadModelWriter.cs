using System.Data;
using System.Data.Common;
using System.Text;
using System.Threading.Channels;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.ReadModels;
using Dispatch.Silo.Storage;

namespace Dispatch.Silo.ReadModels;

/// <summary>
/// The read-model projector: writes the rows cases send (<see cref="ReadModelBatch"/>) with group commit. Batches queue
/// up while a transaction is in flight; the next transaction takes all of them (up to <see cref="MaxBatches"/>), keeps
/// the newest version of each row, and writes each table with multi-row upserts that replace a stored row only when
/// theirs is newer. A caller's task completes when the transaction holding its rows has committed, and fails with it.
/// </summary>
public sealed class SqlReadModelWriter : IReadModelWriter, IAsyncDisposable
{
    /// <summary>Most case batches in one transaction.</summary>
    public const int MaxBatches = 1_000;

    /// <summary>Most rows in one INSERT statement.</summary>
    private const int RowsPerStatement = 250;

    private static readonly Column[] CaseColumns =
    [
        new("case_id", DbType.String), new("version", DbType.Int32), new("grid_id", DbType.String), new("township_id", DbType.String),
        new("county_id", DbType.String), new("center_id", DbType.String), new("level", DbType.String), new("category", DbType.String),
        new("tier", DbType.String), new("risk", DbType.String), new("state", DbType.String), new("is_open", DbType.Boolean),
        new("summary", DbType.String), new("created_ns", DbType.Int64), new("due_ns", DbType.Int64), new("open_summonses", DbType.Int32),
        new("escalations", DbType.Int32), new("leader", DbType.String), new("follow_up_due_ns", DbType.Int64),
    ];

    private static readonly Column[] SummonsColumns =
    [
        new("summons_id", DbType.String), new("version", DbType.Int32), new("case_id", DbType.String), new("department_id", DbType.String),
        new("state", DbType.String), new("is_open", DbType.Boolean), new("risk", DbType.String), new("issued_ns", DbType.Int64),
        new("ack_due_ns", DbType.Int64), new("arrive_due_ns", DbType.Int64), new("acked_ns", DbType.Int64), new("arrived_ns", DbType.Int64),
        new("escalation_level", DbType.Int32), new("escalated_to", DbType.String), new("fed_back_ns", DbType.Int64), new("note", DbType.String),
    ];

    private static readonly Column[] FactColumns =
    [
        new("scope", DbType.String), new("day", DbType.String), new("case_id", DbType.String), new("version", DbType.Int32),
        new("accepted", DbType.Int32), new("accepted_resolved", DbType.Int32), new("resolved", DbType.Int32), new("closed", DbType.Int32),
        new("summoned", DbType.Int32), new("acked_on_time", DbType.Int32), new("escalations", DbType.Int32), new("follow_ups", DbType.Int32),
        new("satisfaction_sum", DbType.Int32), new("satisfied", DbType.Int32), new("ack_ns", DbType.String), new("arrive_ns", DbType.String),
        new("reopened", DbType.Int32), new("repeats", DbType.Int32),
    ];

    private readonly ReadModelSql _sql;
    private readonly ILogger<SqlReadModelWriter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] _loops;

    /// <param name="store">The database the tables are in.</param>
    /// <param name="writers">How many transactions may be in flight at once (PostgreSQL: a few; SQLite has one writer anyway).</param>
    /// <param name="logger">Where failed transactions are reported (the cases re-send).</param>
    public SqlReadModelWriter(StoreOptions store, int writers, ILogger<SqlReadModelWriter> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        _sql = new ReadModelSql(store);
        _logger = logger;
        _loops = Enumerable.Range(0, writers).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    public Task WriteAsync(ReadModelBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.IsEmpty) return Task.CompletedTask;
        var pending = new Pending(batch, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(SqlReadModelWriter), "The read-model writer has stopped.");
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var taken = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            taken.Clear();
            while (taken.Count < MaxBatches && _queue.Reader.TryRead(out var next)) taken.Add(next);
            if (taken.Count == 0) continue;
            try
            {
                await WriteTransactionAsync(taken);
                foreach (var p in taken) p.Done.TrySetResult();
                ReadModelTelemetry.Batches.Record(taken.Count);
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "A read-model transaction of {Count} case batches failed; the cases re-send", taken.Count);
                foreach (var p in taken) p.Done.TrySetException(error);
            }
        }
    }

    private async Task WriteTransactionAsync(IReadOnlyList<Pending> taken)
    {
        // The newest version of each row wins inside the transaction too (one statement may not touch a row twice).
        var cases = new Dictionary<string, CaseRow>(StringComparer.Ordinal);
        var summonses = new Dictionary<string, SummonsView>(StringComparer.Ordinal);
        var facts = new Dictionary<(string, string, string), StatsFactRow>();
        foreach (var batch in taken.Select(p => p.Batch))
        {
            if (batch.Case is { } row && (!cases.TryGetValue(row.Summary.Id, out var held) || held.Summary.Version < row.Summary.Version))
                cases[row.Summary.Id] = row;
            foreach (var s in batch.Summonses)
            {
                if (!summonses.TryGetValue(s.Id, out var held2) || held2.Version < s.Version) summonses[s.Id] = s;
            }
            foreach (var f in batch.Facts)
            {
                var key = (f.Key.Scope, f.Key.GrainKey, f.CaseId);
                if (!facts.TryGetValue(key, out var held3) || held3.Version < f.Version) facts[key] = f;
            }
        }

        await using var connection = await _sql.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await UpsertAsync(connection, transaction, "case_view", "case_id", CaseColumns, cases.Values.Select(CaseValues));
        await UpsertAsync(connection, transaction, "summons_view", "summons_id", SummonsColumns, summonses.Values.Select(SummonsValues));
        await UpsertAsync(connection, transaction, "stats_fact", "scope, day, case_id", FactColumns, facts.Values.Select(FactValues));
        await transaction.CommitAsync();
    }

    private static object?[] CaseValues(CaseRow row)
    {
        var c = row.Summary;
        return
        [
            c.Id, c.Version, c.GridId, c.TownshipId, row.CountyId, c.CenterId, c.Level.ToString(), c.Category.ToString(),
            c.Tier?.ToString(), c.Risk?.ToString(), c.State.ToString(), c.IsOpen, c.Summary, ReadModelSql.Nanoseconds(c.CreatedAt),
            ReadModelSql.Nanoseconds(c.DueAt), c.OpenSummonses, c.Escalations, c.Leader, ReadModelSql.Nanoseconds(c.FollowUpDueAt),
        ];
    }

    private static object?[] SummonsValues(SummonsView s) =>
    [
        s.Id, s.Version, s.CaseId, s.DepartmentId, s.State.ToString(), s.IsOpen, s.Risk.ToString(), ReadModelSql.Nanoseconds(s.IssuedAt),
        ReadModelSql.Nanoseconds(s.AckDueAt), ReadModelSql.Nanoseconds(s.ArriveDueAt), ReadModelSql.Nanoseconds(s.AckedAt),
        ReadModelSql.Nanoseconds(s.ArrivedAt), s.EscalationLevel, s.EscalatedTo, ReadModelSql.Nanoseconds(s.FedBackAt), s.Note,
    ];

    private static object?[] FactValues(StatsFactRow f)
    {
        var t = f.Totals;
        return
        [
            f.Key.Scope, f.Key.GrainKey[(f.Key.Scope.Length + 1)..], f.CaseId, f.Version, t.Accepted, t.AcceptedResolved, t.Resolved,
            t.Closed, t.Summoned, t.AckedOnTime, t.Escalations, t.FollowUps, t.SatisfactionSum, t.Satisfied,
            ReadModelSql.Durations(t.AckTimes), ReadModelSql.Durations(t.ArriveTimes), t.Reopened, t.Repeats,
        ];
    }

    /// <summary>
    /// INSERT … VALUES (…), (…) ON CONFLICT (key) DO UPDATE SET every column WHERE the stored version is older — the
    /// same statement on SQLite and PostgreSQL.
    /// </summary>
    private static async Task UpsertAsync(DbConnection connection, DbTransaction transaction, string table, string key, Column[] columns,
        IEnumerable<object?[]> rows)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = ReadModelSql.Command(connection, "", transaction);
            var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"p{r}_{c}";
                    sql.Append(c == 0 ? "@" : ", @").Append(name);
                    ReadModelSql.Add(command, name, columns[c].Type, chunk[r][c]);
                }
                sql.Append(')');
            }
            sql.Append($" ON CONFLICT ({key}) DO UPDATE SET ");
            sql.AppendJoin(", ", columns.Select(c => $"{c.Name} = excluded.{c.Name}"));
            sql.Append($" WHERE {table}.version < excluded.version");
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }

    private sealed record Pending(ReadModelBatch Batch, TaskCompletionSource Done);

    private sealed record Column(string Name, DbType Type);
}
