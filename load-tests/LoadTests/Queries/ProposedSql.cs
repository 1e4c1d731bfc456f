namespace Dispatch.LoadTests.Queries;

/// <summary>
/// Indexes and a rollup proposed for the read paths (not in the schema): added to a seeded database after its reference
/// SQL is timed, so the same reads can be timed again with them. See docs/queries-readme.md.
/// </summary>
public static class ProposedSql
{
    /// <summary>A: open cases of a center, newest first (lists, totals, the overdue filter).</summary>
    public const string CenterOpenIndex =
        "CREATE INDEX IF NOT EXISTS case_view_center_open ON case_view (center_id, created_ns DESC, case_id DESC) WHERE is_open";

    /// <summary>D: a county's open cases in the order of a report's attention list.</summary>
    public const string AttentionIndex =
        "CREATE INDEX IF NOT EXISTS case_view_county_attention ON case_view (county_id, escalations DESC, due_ns NULLS LAST, case_id) WHERE is_open";

    /// <summary>C: one row per (scope, day), here built from the facts at once (the projector would keep it up to date).</summary>
    public const string DayRollup = """
        CREATE TABLE IF NOT EXISTS stats_day AS
        SELECT scope, day, sum(accepted)::int AS accepted, sum(accepted_resolved)::int AS accepted_resolved, sum(resolved)::int AS resolved,
               sum(closed)::int AS closed, sum(summoned)::int AS summoned, sum(acked_on_time)::int AS acked_on_time,
               sum(escalations)::int AS escalations, sum(follow_ups)::int AS follow_ups, sum(satisfaction_sum)::int AS satisfaction_sum,
               sum(satisfied)::int AS satisfied,
               coalesce(string_agg(NULLIF(ack_ns, ''), ','), '') AS ack_ns, coalesce(string_agg(NULLIF(arrive_ns, ''), ','), '') AS arrive_ns
        FROM stats_fact GROUP BY scope, day;
        ALTER TABLE stats_day ADD PRIMARY KEY (scope, day)
        """;

    /// <summary>Every statement, in order; then VACUUM ANALYZE of case_view and stats_day.</summary>
    public static IReadOnlyList<string> All { get; } = [CenterOpenIndex, AttentionIndex, DayRollup];

    /// <summary>B: a deep page found in the index alone, then its rows fetched; and the total (an index-only count).</summary>
    public const string DeferredPageSql =
        "SELECT c.case_id, c.version, c.grid_id, c.township_id, c.center_id, c.level, c.category, c.tier, c.risk, c.state, c.summary, c.created_ns, c.due_ns, " +
        "c.open_summonses, c.escalations, c.leader FROM (SELECT case_id, created_ns FROM case_view WHERE center_id = @center " +
        "ORDER BY created_ns DESC, case_id DESC LIMIT 50 OFFSET @offset) k JOIN case_view c USING (case_id) ORDER BY k.created_ns DESC, k.case_id DESC; " +
        "SELECT count(*) FROM case_view WHERE center_id = @center";

    /// <summary>Sums of the rollup, without the duration lists (what a histogram per day would cost about as much as).</summary>
    public const string DaySumsSql =
        "SELECT scope, sum(accepted), sum(accepted_resolved), sum(resolved), sum(closed), sum(summoned), sum(acked_on_time), sum(escalations), " +
        "sum(follow_ups), sum(satisfaction_sum), sum(satisfied) FROM stats_day WHERE scope = ANY(@scopes) AND day BETWEEN @from AND @to GROUP BY scope";

    /// <summary>The same with the exact duration lists concatenated (for exact medians).</summary>
    public const string DayListsSql =
        "SELECT scope, sum(accepted), sum(accepted_resolved), sum(resolved), sum(closed), sum(summoned), sum(acked_on_time), sum(escalations), " +
        "sum(follow_ups), sum(satisfaction_sum), sum(satisfied), string_agg(NULLIF(ack_ns, ''), ','), string_agg(NULLIF(arrive_ns, ''), ',') " +
        "FROM stats_day WHERE scope = ANY(@scopes) AND day BETWEEN @from AND @to GROUP BY scope";
}
