using System.Diagnostics;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.LoadTests.Seeding;
using Npgsql;

namespace Dispatch.LoadTests.Queries;

/// <summary>
/// The reference SQL of each read, run straight on the seeded database: what the database alone costs (no silo, no
/// HTTP, no JSON), to see which part of a read's time is the query and which index it needs. The statements are the
/// straightforward ones on the schema's indexes: a page plus its total, an inbox, sums of per-case facts.
/// </summary>
public sealed class SqlReads(string connectionString, CityModel city, int warmup, int repetitions)
{
    private const string CaseColumns = "case_id, version, grid_id, township_id, center_id, level, category, tier, risk, state, summary, created_ns, due_ns, open_summonses, escalations, leader";

    public const string OpenPageSql = $"SELECT {CaseColumns} FROM case_view WHERE center_id = @center AND is_open ORDER BY created_ns DESC, case_id DESC LIMIT 50 OFFSET @offset; " +
        "SELECT count(*) FROM case_view WHERE center_id = @center AND is_open";

    public const string AllPageSql = $"SELECT {CaseColumns} FROM case_view WHERE center_id = @center ORDER BY created_ns DESC, case_id DESC LIMIT 50 OFFSET @offset; " +
        "SELECT count(*) FROM case_view WHERE center_id = @center";

    public const string OverdueSql = $"SELECT {CaseColumns} FROM case_view WHERE center_id = @center AND is_open AND due_ns < @now ORDER BY created_ns DESC, case_id DESC LIMIT 50; " +
        "SELECT count(*) FROM case_view WHERE center_id = @center AND is_open AND due_ns < @now";

    public const string InboxSql = "SELECT summons_id, version, case_id, department_id, state, risk, issued_ns, ack_due_ns, arrive_due_ns, acked_ns, arrived_ns, escalation_level, escalated_to, fed_back_ns, note " +
        "FROM summons_view WHERE department_id = @department AND is_open ORDER BY issued_ns DESC, summons_id";

    public const string TotalsSql = "SELECT scope, sum(accepted), sum(accepted_resolved), sum(resolved), sum(closed), sum(summoned), sum(acked_on_time), sum(escalations), " +
        "sum(follow_ups), sum(satisfaction_sum), sum(satisfied), string_agg(NULLIF(ack_ns, ''), ','), string_agg(NULLIF(arrive_ns, ''), ',') " +
        "FROM stats_fact WHERE scope = ANY(@scopes) AND day BETWEEN @from AND @to GROUP BY scope";

    public const string AttentionSql = $"SELECT {CaseColumns} FROM case_view WHERE county_id = @county AND is_open AND (due_ns < @now OR escalations > 0) " +
        "ORDER BY escalations DESC, due_ns NULLS LAST, case_id LIMIT 100";

    /// <summary>What the tables hold for the HTTP reads to be checked against.</summary>
    public async Task<TableCounts> CountAsync(ReadTargets t, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct);
        var month = StatsPeriods.Range(StatsPeriod.Month, t.Month);
        var townships = StatsScopes.TownshipsUnder(city, t.CountyId).Select(x => x.Id).ToArray();
        return new TableCounts(
            await ScalarAsync(db, "SELECT count(*) FROM case_view WHERE center_id = @center AND is_open", ct, ("center", t.TownshipId)),
            await ScalarAsync(db, "SELECT count(*) FROM case_view WHERE center_id = @center", ct, ("center", t.TownshipId)),
            await ScalarAsync(db, "SELECT count(*) FROM case_view WHERE center_id = @center AND is_open AND due_ns < @now", ct,
                ("center", t.TownshipId), ("now", ReadModelTables.Nanos(t.Now))),
            await ScalarAsync(db, "SELECT count(*) FROM summons_view WHERE department_id = @department AND is_open", ct, ("department", t.DepartmentId)),
            await ScalarAsync(db, "SELECT coalesce(sum(accepted), 0) FROM stats_fact WHERE scope = ANY(@scopes) AND day BETWEEN @from AND @to", ct,
                ("scopes", townships), ("from", ReadModelTables.Day(month.Start)), ("to", ReadModelTables.Day(month.End))));
    }

    /// <summary>Every reference query, timed, in the order of the HTTP reads.</summary>
    public Task<IReadOnlyList<ReadTiming>> RunAsync(ReadTargets t, Action<string> log, CancellationToken ct) => TimeAllAsync(t, proposed: false, log, ct);

    /// <summary>Adds the proposed indexes and rollup (<see cref="ProposedSql"/>) to the database; returns the seconds it took.</summary>
    public async Task<double> ApplyProposalsAsync(CancellationToken ct)
    {
        await using var db = await OpenAsync(ct);
        var watch = Stopwatch.StartNew();
        foreach (var statement in ProposedSql.All) await ReadModelSeeder.ExecuteAsync(db, null, statement, ct, timeoutSeconds: 0);
        await ReadModelSeeder.ExecuteAsync(db, null, "VACUUM (ANALYZE) case_view", ct, timeoutSeconds: 0);
        await ReadModelSeeder.ExecuteAsync(db, null, "VACUUM (ANALYZE) stats_day", ct, timeoutSeconds: 0);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The reads again, written for the proposed indexes and rollup (apply them first).</summary>
    public Task<IReadOnlyList<ReadTiming>> RunProposedAsync(ReadTargets t, Action<string> log, CancellationToken ct) => TimeAllAsync(t, proposed: true, log, ct);

    /// <summary>The extra proposed row: the ranking with exact duration lists, for exact medians.</summary>
    public const string RankingExact = "city ranking by township (month), exact duration lists";

    private async Task<IReadOnlyList<ReadTiming>> TimeAllAsync(ReadTargets t, bool proposed, Action<string> log, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct);
        var now = ReadModelTables.Nanos(t.Now);
        var month = StatsPeriods.Range(StatsPeriod.Month, t.Month);
        var quarter = StatsPeriods.Range(StatsPeriod.Quarter, t.Quarter);
        var before = StatsPeriods.Range(StatsPeriod.Quarter, StatsPeriods.Previous(StatsPeriod.Quarter, t.Quarter));
        var countyTownships = StatsScopes.TownshipsUnder(city, t.CountyId).Select(x => x.Id).ToArray();
        var countyDepartments = StatsScopes.DepartmentsUnder(city, t.CountyId).Select(x => x.Id).ToArray();
        var cityTownships = StatsScopes.TownshipsUnder(city, t.CityId).Select(x => x.Id).ToArray();
        var sums = proposed ? ProposedSql.DaySumsSql : TotalsSql;
        var results = new List<ReadTiming>();

        async Task Time(string name, params Query[] queries)
        {
            log($"  {(proposed ? "proposed " : "")}SQL {name}");
            results.Add(await TimeAsync(db, name, queries, ct));
        }
        await Time(HttpReads.OpenPage1, new Query(OpenPageSql, ("center", t.TownshipId), ("offset", 0)));
        await Time(HttpReads.OpenPage200, new Query(OpenPageSql, ("center", t.TownshipId), ("offset", 199 * 50)));
        await Time(HttpReads.AllPage200, new Query(proposed ? ProposedSql.DeferredPageSql : AllPageSql, ("center", t.TownshipId), ("offset", 199 * 50)));
        await Time(HttpReads.Overdue, new Query(OverdueSql, ("center", t.TownshipId), ("now", now)));
        await Time(HttpReads.Inbox, new Query(InboxSql, ("department", t.DepartmentId)));
        await Time(HttpReads.CountyMonth, Totals(sums, countyTownships, month));
        await Time(HttpReads.Ranking, Totals(sums, cityTownships, month));
        if (proposed) await Time(RankingExact, Totals(ProposedSql.DayListsSql, cityTownships, month));
        await Time(QuarterReport, Totals(sums, countyTownships, quarter), Totals(sums, countyTownships, before), Totals(sums, countyDepartments, quarter),
            new Query(AttentionSql, ("county", t.CountyId), ("now", now)));
        return results;
    }

    /// <summary>The name of the SQL row standing for the quarter's report: the queries producing it does.</summary>
    public const string QuarterReport = "quarter report, produced (SQL: 3 sums + attention list)";

    private static Query Totals(string sql, string[] scopes, NodaTime.DateInterval days) =>
        new(sql, ("scopes", scopes), ("from", ReadModelTables.Day(days.Start)), ("to", ReadModelTables.Day(days.End)));

    private async Task<ReadTiming> TimeAsync(NpgsqlConnection db, string name, Query[] queries, CancellationToken ct)
    {
        var samples = new List<double>(repetitions);
        long rows = 0;
        for (var i = 0; i < warmup + repetitions; i++)
        {
            rows = 0;
            var watch = Stopwatch.StartNew();
            foreach (var q in queries) rows += await q.ReadAllAsync(db, ct);
            if (i >= warmup) samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return ReadTiming.Of(name, string.Join(" + ", queries.Select(q => q.Name)), samples, rows, null);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        return db;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 300 };
        foreach (var (n, v) in parameters) command.Parameters.AddWithValue(n, v);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A statement and its parameters; reading it reads every row of every result set, every column.</summary>
    private sealed record Query(string Sql, params (string Name, object Value)[] Parameters)
    {
        public string Name => Sql.StartsWith("SELECT scope", StringComparison.Ordinal) ? (Sql.Contains("stats_day", StringComparison.Ordinal) ? "day sums" : "totals")
            : Sql.Contains("FROM summons_view", StringComparison.Ordinal) ? "inbox"
            : Sql.Contains("escalations DESC", StringComparison.Ordinal) ? "attention" : "page + count";

        public async Task<long> ReadAllAsync(NpgsqlConnection db, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(Sql, db) { CommandTimeout = 300 };
            foreach (var (n, v) in Parameters) command.Parameters.AddWithValue(n, v);
            await using var reader = await command.ExecuteReaderAsync(ct);
            long rows = 0;
            do
            {
                while (await reader.ReadAsync(ct))
                {
                    rows++;
                    for (var c = 0; c < reader.FieldCount; c++) _ = reader.GetValue(c);
                }
            }
            while (await reader.NextResultAsync(ct));
            return rows;
        }
    }
}
