using System.Data;
using System.Data.Common;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.ReadModels;
using Dispatch.Silo.Storage;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Silo.ReadModels;

/// <summary>The read-model queries (<see cref="IReadModelReader"/>) in SQL that runs on SQLite and PostgreSQL alike.</summary>
public sealed class SqlReadModelReader(StoreOptions store) : IReadModelReader
{
    private const string CaseColumns =
        "case_id, grid_id, township_id, center_id, level, category, tier, risk, state, summary, created_ns, due_ns, open_summonses, escalations, leader, version, follow_up_due_ns";

    private const string SummonsColumns =
        "summons_id, case_id, department_id, state, issued_ns, ack_due_ns, arrive_due_ns, acked_ns, arrived_ns, escalation_level, escalated_to, risk, fed_back_ns, note, version";

    private readonly ReadModelSql _sql = new(store);

    private static string Prefixed(string alias) => string.Join(", ", CaseColumns.Split(", ").Select(c => $"{alias}.{c}"));

    public async Task<CaseListPage> CasesAsync(CaseListQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken);
        await using var count = ReadModelSql.Command(connection, "");
        await using var page = ReadModelSql.Command(connection, "");
        var where = CaseFilter(query, count, _sql);
        CaseFilter(query, page, _sql);
        count.CommandText = $"SELECT COUNT(*) FROM case_view WHERE {where}";
        // A deep page finds its ids in the index alone, then reads only its own rows (a deferred join).
        page.CommandText =
            $"SELECT {Prefixed("c")} FROM (SELECT case_id, created_ns FROM case_view WHERE {where} " +
            "ORDER BY created_ns DESC, case_id DESC LIMIT @limit OFFSET @offset) k JOIN case_view c ON c.case_id = k.case_id " +
            "ORDER BY k.created_ns DESC, k.case_id DESC";
        ReadModelSql.Add(page, "limit", DbType.Int32, query.PageSize);
        ReadModelSql.Add(page, "offset", DbType.Int64, (long)(query.Page - 1) * query.PageSize);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var items = total == 0 ? [] : await ReadCasesAsync(page, cancellationToken);
        return new CaseListPage(items, total);
    }

    /// <summary>The WHERE clause of a case list, with its parameters added to <paramref name="command"/>.</summary>
    private static string CaseFilter(CaseListQuery query, DbCommand command, ReadModelSql sql)
    {
        var clauses = new List<string>();
        switch (query.Scope.WithCentersBelow ? query.Scope.Level : CenterLevel.Township)
        {
            case CenterLevel.City:
                break;
            case CenterLevel.County:
                clauses.Add("county_id = @center AND level <> @cityLevel");
                ReadModelSql.Add(command, "cityLevel", DbType.String, nameof(CenterLevel.City));
                break;
            default:
                clauses.Add(query.ReportedInTownship ? "township_id = @center" : "center_id = @center");
                break;
        }
        ReadModelSql.Add(command, "center", DbType.String, query.Scope.CenterId);
        if (query.State is { } state)
        {
            clauses.Add("state = @state");
            ReadModelSql.Add(command, "state", DbType.String, state.ToString());
        }
        if (query.Open is { } open)
        {
            clauses.Add(sql.IsOpen(open));
        }
        if (query.Overdue is { } overdue)
        {
            clauses.Add(overdue
                ? $"{sql.IsOpen(true)} AND due_ns IS NOT NULL AND due_ns < @now"
                : $"NOT ({sql.IsOpen(true)} AND due_ns IS NOT NULL AND due_ns < @now)");
            ReadModelSql.Add(command, "now", DbType.Int64, ReadModelSql.Nanoseconds(query.Now));
        }
        if (query.Risk is { } risk)
        {
            clauses.Add("risk = @risk");
            ReadModelSql.Add(command, "risk", DbType.String, risk.ToString());
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            clauses.Add(@"(UPPER(case_id) LIKE @text ESCAPE '\' OR UPPER(summary) LIKE @text ESCAPE '\')");
            ReadModelSql.Add(command, "text", DbType.String, $"%{LikeEscaped(query.Text.Trim().ToUpperInvariant())}%");
        }
        if (query.DueBefore is { } dueBefore)
        {
            clauses.Add($"{sql.IsOpen(true)} AND due_ns IS NOT NULL AND due_ns >= @soonFrom AND due_ns < @soonTo");
            ReadModelSql.Add(command, "soonFrom", DbType.Int64, ReadModelSql.Nanoseconds(query.Now));
            ReadModelSql.Add(command, "soonTo", DbType.Int64, ReadModelSql.Nanoseconds(dueBefore));
        }
        if (query.FollowUpOverdue)
        {
            clauses.Add($"{sql.IsOpen(false)} AND follow_up_due_ns IS NOT NULL AND follow_up_due_ns < @followUpNow");
            ReadModelSql.Add(command, "followUpNow", DbType.Int64, ReadModelSql.Nanoseconds(query.Now));
        }
        return clauses.Count == 0 ? "1 = 1" : string.Join(" AND ", clauses);
    }

    /// <summary>A text with LIKE's wildcards and escape character made plain (escaped with a backslash).</summary>
    private static string LikeEscaped(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public async Task<IReadOnlyList<SummonsView>> SummonsesAsync(string departmentId, bool openOnly, int closedKept,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken);
        var inbox = $"SELECT {SummonsColumns} FROM summons_view WHERE department_id = @department AND {{0}} ORDER BY issued_ns DESC, summons_id LIMIT @limit";
        await using var open = ReadModelSql.Command(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, inbox, _sql.IsOpen(true)));
        ReadModelSql.Add(open, "department", DbType.String, departmentId);
        ReadModelSql.Add(open, "limit", DbType.Int32, int.MaxValue);
        var result = await ReadSummonsesAsync(open, cancellationToken);
        if (openOnly || closedKept <= 0) return result;
        await using var closed = ReadModelSql.Command(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, inbox, _sql.IsOpen(false)));
        ReadModelSql.Add(closed, "department", DbType.String, departmentId);
        ReadModelSql.Add(closed, "limit", DbType.Int32, closedKept);
        return [.. result, .. await ReadSummonsesAsync(closed, cancellationToken)];
    }

    public async Task<GridView> GridAsync(string gridId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken);
        await using var counts = ReadModelSql.Command(connection,
            $"SELECT COUNT(*), SUM(CASE WHEN {_sql.IsOpen(true)} THEN 0 ELSE 1 END) FROM case_view WHERE grid_id = @grid");
        ReadModelSql.Add(counts, "grid", DbType.String, gridId);
        int reported, closed;
        await using (var reader = await counts.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (reported, closed) = (ReadModelSql.Int(reader, 0), ReadModelSql.Int(reader, 1));
        }
        await using var open = ReadModelSql.Command(connection,
            $"SELECT {CaseColumns} FROM case_view WHERE grid_id = @grid AND {_sql.IsOpen(true)} ORDER BY created_ns DESC, case_id DESC");
        ReadModelSql.Add(open, "grid", DbType.String, gridId);
        return new GridView(gridId, await ReadCasesAsync(open, cancellationToken), reported, closed);
    }

    public async Task<IReadOnlyDictionary<string, StatsTotals>> TotalsAsync(IReadOnlyCollection<string> scopes, LocalDate from, LocalDate to,
        CancellationToken cancellationToken = default)
    {
        var totals = new Dictionary<string, StatsTotals>(StringComparer.Ordinal);
        if (scopes.Count == 0) return totals;
        await using var connection = await _sql.OpenAsync(cancellationToken);
        await using var command = ReadModelSql.Command(connection, "");
        var list = ReadModelSql.AddList(command, "s", scopes.Distinct(StringComparer.Ordinal));
        command.CommandText =
            "SELECT scope, SUM(accepted), SUM(accepted_resolved), SUM(resolved), SUM(closed), SUM(summoned), SUM(acked_on_time), " +
            $"SUM(escalations), SUM(follow_ups), SUM(satisfaction_sum), SUM(satisfied), {_sql.JoinAggregate("NULLIF(ack_ns, '')")}, " +
            $"{_sql.JoinAggregate("NULLIF(arrive_ns, '')")}, SUM(reopened), SUM(repeats) FROM stats_fact WHERE scope IN ({list}) AND day >= @from AND day <= @to GROUP BY scope";
        ReadModelSql.Add(command, "from", DbType.String, LocalDatePattern.Iso.Format(from));
        ReadModelSql.Add(command, "to", DbType.String, LocalDatePattern.Iso.Format(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            int I(int o) => ReadModelSql.Int(reader, o);
            totals[reader.GetString(0)] = new StatsTotals(I(1), I(2), I(3), I(4), I(5), I(6),
                ReadModelSql.ParseDurations(ReadModelSql.OptionalString(reader, 11)).ToList(),
                ReadModelSql.ParseDurations(ReadModelSql.OptionalString(reader, 12)).ToList(),
                I(7), I(8), I(9), I(10)) { Reopened = I(13), Repeats = I(14) };
        }
        return totals;
    }

    public async Task<IReadOnlyList<CaseSummary>> GridCategoryCasesAsync(string gridId, Category category, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken);
        await using var command = ReadModelSql.Command(connection,
            $"SELECT {CaseColumns} FROM case_view WHERE grid_id = @grid AND category = @category ORDER BY created_ns DESC, case_id DESC LIMIT @limit");
        ReadModelSql.Add(command, "grid", DbType.String, gridId);
        ReadModelSql.Add(command, "category", DbType.String, category.ToString());
        ReadModelSql.Add(command, "limit", DbType.Int32, limit);
        return await ReadCasesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<CaseSummary>> GridCasesAsync(string gridId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken);
        await using var command = ReadModelSql.Command(connection,
            $"SELECT {CaseColumns} FROM case_view WHERE grid_id = @grid ORDER BY created_ns DESC, case_id DESC LIMIT @limit");
        ReadModelSql.Add(command, "grid", DbType.String, gridId);
        ReadModelSql.Add(command, "limit", DbType.Int32, limit);
        return await ReadCasesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<CaseSummary>> NeedingAttentionAsync(IReadOnlyCollection<string> townships, Instant now, int limit,
        CancellationToken cancellationToken = default)
    {
        if (townships.Count == 0) return [];
        await using var connection = await _sql.OpenAsync(cancellationToken);
        await using var command = ReadModelSql.Command(connection, "");
        var list = ReadModelSql.AddList(command, "t", townships.Distinct(StringComparer.Ordinal));
        command.CommandText =
            $"SELECT {CaseColumns} FROM case_view WHERE township_id IN ({list}) AND {_sql.IsOpen(true)} " +
            "AND ((due_ns IS NOT NULL AND due_ns < @now) OR escalations > 0) " +
            "ORDER BY escalations DESC, CASE WHEN due_ns IS NULL THEN 1 ELSE 0 END, due_ns, case_id LIMIT @limit";
        ReadModelSql.Add(command, "now", DbType.Int64, ReadModelSql.Nanoseconds(now));
        ReadModelSql.Add(command, "limit", DbType.Int32, limit);
        return await ReadCasesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<(SummonsView Summons, string TownshipId)>> SummonsActivitySinceAsync(Instant since, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken);
        var columns = string.Join(", ", SummonsColumns.Split(", ").Select(c => "s." + c));
        await using var command = ReadModelSql.Command(connection,
            $"SELECT {columns}, c.township_id FROM summons_view s JOIN case_view c ON c.case_id = s.case_id " +
            "WHERE s.issued_ns >= @since OR s.acked_ns >= @since ORDER BY s.issued_ns, s.summons_id LIMIT @limit");
        ReadModelSql.Add(command, "since", DbType.Int64, ReadModelSql.Nanoseconds(since));
        ReadModelSql.Add(command, "limit", DbType.Int32, limit);
        var items = new List<(SummonsView, string)>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) items.Add((Summons(r), r.GetString(15)));
        return items;
    }

    public async Task<(int OpenCases, int OpenSummonses, int Overdue)> CountsAsync(Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _sql.OpenAsync(cancellationToken);
        await using var command = ReadModelSql.Command(connection,
            "SELECT COUNT(*), SUM(open_summonses), SUM(CASE WHEN due_ns IS NOT NULL AND due_ns < @now THEN 1 ELSE 0 END) " +
            $"FROM case_view WHERE {_sql.IsOpen(true)}");
        ReadModelSql.Add(command, "now", DbType.Int64, ReadModelSql.Nanoseconds(now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (ReadModelSql.Int(reader, 0), ReadModelSql.Int(reader, 1), ReadModelSql.Int(reader, 2));
    }

    public async Task<StatsCasePage> StatsCasesAsync(IReadOnlyCollection<string> scopes, LocalDate from, LocalDate to, StatsMetric metric,
        int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (scopes.Count == 0) return new StatsCasePage([], 0, 0);
        await using var connection = await _sql.OpenAsync(cancellationToken);
        await using var count = ReadModelSql.Command(connection, "");
        await using var rows = ReadModelSql.Command(connection, "");
        // Each case's count of the metric over the scopes and days; the figure is the sum of the same column (TotalsAsync).
        string Behind(DbCommand command)
        {
            var list = ReadModelSql.AddList(command, "s", scopes.Distinct(StringComparer.Ordinal));
            ReadModelSql.Add(command, "from", DbType.String, LocalDatePattern.Iso.Format(from));
            ReadModelSql.Add(command, "to", DbType.String, LocalDatePattern.Iso.Format(to));
            var column = FactColumn(metric);
            return $"SELECT case_id, SUM({column}) AS n FROM stats_fact WHERE scope IN ({list}) AND day >= @from AND day <= @to " +
                $"GROUP BY case_id HAVING SUM({column}) > 0";
        }
        count.CommandText = $"SELECT COUNT(*), SUM(k.n) FROM ({Behind(count)}) k JOIN case_view c ON c.case_id = k.case_id";
        rows.CommandText = $"SELECT {Prefixed("c")}, k.n FROM ({Behind(rows)}) k JOIN case_view c ON c.case_id = k.case_id " +
            "ORDER BY c.created_ns DESC, c.case_id DESC LIMIT @limit OFFSET @offset";
        ReadModelSql.Add(rows, "limit", DbType.Int32, pageSize);
        ReadModelSql.Add(rows, "offset", DbType.Int64, (long)(Math.Max(1, page) - 1) * pageSize);
        int total, sum;
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (total, sum) = (ReadModelSql.Int(reader, 0), ReadModelSql.Int(reader, 1));
        }
        if (total == 0) return new StatsCasePage([], 0, 0);
        var items = new List<StatsCase>();
        await using (var r = await rows.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken)) items.Add(new StatsCase(Case(r), ReadModelSql.Int(r, 17)));
        }
        return new StatsCasePage(items, total, sum);
    }

    /// <summary>The stats_fact column a metric sums (a fixed name, never input).</summary>
    private static string FactColumn(StatsMetric metric) => metric switch
    {
        StatsMetric.Accepted => "accepted",
        StatsMetric.Resolved => "resolved",
        StatsMetric.Closed => "closed",
        StatsMetric.Summoned => "summoned",
        StatsMetric.AckedOnTime => "acked_on_time",
        StatsMetric.Escalations => "escalations",
        StatsMetric.FollowUps => "follow_ups",
        StatsMetric.Reopened => "reopened",
        StatsMetric.Repeats => "repeats",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown statistics metric."),
    };

    private static async Task<IReadOnlyList<CaseSummary>> ReadCasesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var items = new List<CaseSummary>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) items.Add(Case(r));
        return items;
    }

    /// <summary>A case_view row read in the order of <see cref="CaseColumns"/>.</summary>
    private static CaseSummary Case(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        ReadModelSql.Enum<CenterLevel>(r, 4), ReadModelSql.Enum<Category>(r, 5), ReadModelSql.OptionalEnum<CaseTier>(r, 6),
        ReadModelSql.OptionalEnum<RiskColour>(r, 7), ReadModelSql.Enum<CaseState>(r, 8), r.GetString(9),
        ReadModelSql.Instant(r.GetInt64(10)), ReadModelSql.OptionalInstant(r, 11), ReadModelSql.Int(r, 12), ReadModelSql.Int(r, 13),
        ReadModelSql.OptionalString(r, 14), ReadModelSql.Int(r, 15)) { FollowUpDueAt = ReadModelSql.OptionalInstant(r, 16) };

    private static async Task<IReadOnlyList<SummonsView>> ReadSummonsesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var items = new List<SummonsView>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) items.Add(Summons(r));
        return items;
    }

    private static SummonsView Summons(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), ReadModelSql.Enum<SummonsState>(r, 3),
        ReadModelSql.Instant(r.GetInt64(4)), ReadModelSql.Instant(r.GetInt64(5)), ReadModelSql.Instant(r.GetInt64(6)),
        ReadModelSql.OptionalInstant(r, 7), ReadModelSql.OptionalInstant(r, 8), ReadModelSql.Int(r, 9), ReadModelSql.OptionalString(r, 10),
        ReadModelSql.Enum<RiskColour>(r, 11), ReadModelSql.OptionalInstant(r, 12), ReadModelSql.OptionalString(r, 13), ReadModelSql.Int(r, 14));
}
