using System.Globalization;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.LoadTests.Seeding;

/// <summary>
/// The three read-model tables of schema version 2 (Silo/Storage/Sql/postgres.sql) as COPY targets: their columns,
/// and how a generated case becomes rows — instants as nanoseconds since the Unix epoch, enums as their member names,
/// days as yyyy-MM-dd (Asia/Shanghai), duration lists as comma-separated nanoseconds.
/// </summary>
public static class ReadModelTables
{
    public const string Cases = "case_view";
    public const string Summonses = "summons_view";
    public const string Facts = "stats_fact";

    /// <summary>The three tables, in load order.</summary>
    public static IReadOnlyList<string> All { get; } = [Cases, Summonses, Facts];

    /// <summary>The COPY command of <paramref name="table"/>, every column named.</summary>
    public static string CopyCommand(string table) => table switch
    {
        Cases => "COPY case_view (case_id, version, grid_id, township_id, county_id, center_id, level, category, tier, risk, state, is_open, summary, created_ns, due_ns, open_summonses, escalations, leader) FROM STDIN (FORMAT BINARY)",
        Summonses => "COPY summons_view (summons_id, version, case_id, department_id, state, is_open, risk, issued_ns, ack_due_ns, arrive_due_ns, acked_ns, arrived_ns, escalation_level, escalated_to, fed_back_ns, note) FROM STDIN (FORMAT BINARY)",
        Facts => "COPY stats_fact (scope, day, case_id, version, accepted, accepted_resolved, resolved, closed, summoned, acked_on_time, escalations, follow_ups, satisfaction_sum, satisfied, ack_ns, arrive_ns) FROM STDIN (FORMAT BINARY)",
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a read-model table."),
    };

    /// <summary>Writes the rows of <paramref name="c"/> that belong to <paramref name="table"/>; returns how many.</summary>
    public static int Write(string table, NpgsqlBinaryImporter writer, GeneratedCase c) => table switch
    {
        Cases => WriteCase(writer, c),
        Summonses => WriteSummonses(writer, c),
        Facts => WriteFacts(writer, c),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a read-model table."),
    };

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public static long Nanos(Instant at) => (at - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    /// <summary>A duration list as comma-separated nanoseconds ("" for none).</summary>
    public static string NanosList(IReadOnlyList<Duration> durations) =>
        string.Join(',', durations.Select(d => d.ToInt64Nanoseconds().ToString(CultureInfo.InvariantCulture)));

    /// <summary>The day column: yyyy-MM-dd.</summary>
    public static string Day(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static int WriteCase(NpgsqlBinaryImporter w, GeneratedCase c)
    {
        var v = c.View;
        w.StartRow();
        w.Write(v.Id, NpgsqlDbType.Text);
        w.Write(v.Version, NpgsqlDbType.Integer);
        w.Write(v.GridId, NpgsqlDbType.Text);
        w.Write(v.TownshipId, NpgsqlDbType.Text);
        w.Write(c.CountyId, NpgsqlDbType.Text);
        w.Write(v.CenterId, NpgsqlDbType.Text);
        w.Write(v.Level.ToString(), NpgsqlDbType.Text);
        w.Write(v.Category.ToString(), NpgsqlDbType.Text);
        WriteText(w, v.Tier?.ToString());
        WriteText(w, v.Risk?.ToString());
        w.Write(v.State.ToString(), NpgsqlDbType.Text);
        w.Write(c.IsOpen, NpgsqlDbType.Boolean);
        w.Write(v.Summary, NpgsqlDbType.Text);
        w.Write(Nanos(v.CreatedAt), NpgsqlDbType.Bigint);
        WriteNanos(w, v.DueAt);
        w.Write(c.OpenSummonses, NpgsqlDbType.Integer);
        w.Write(c.Escalations, NpgsqlDbType.Integer);
        WriteText(w, v.Leader?.Name);
        return 1;
    }

    private static int WriteSummonses(NpgsqlBinaryImporter w, GeneratedCase c)
    {
        foreach (var s in c.View.Summonses)
        {
            w.StartRow();
            w.Write(s.Id, NpgsqlDbType.Text);
            w.Write(s.Version, NpgsqlDbType.Integer);
            w.Write(s.CaseId, NpgsqlDbType.Text);
            w.Write(s.DepartmentId, NpgsqlDbType.Text);
            w.Write(s.State.ToString(), NpgsqlDbType.Text);
            w.Write(s.IsOpen, NpgsqlDbType.Boolean);
            w.Write(s.Risk.ToString(), NpgsqlDbType.Text);
            w.Write(Nanos(s.IssuedAt), NpgsqlDbType.Bigint);
            w.Write(Nanos(s.AckDueAt), NpgsqlDbType.Bigint);
            w.Write(Nanos(s.ArriveDueAt), NpgsqlDbType.Bigint);
            WriteNanos(w, s.AckedAt);
            WriteNanos(w, s.ArrivedAt);
            w.Write(s.EscalationLevel, NpgsqlDbType.Integer);
            WriteText(w, s.EscalatedTo);
            WriteNanos(w, s.FedBackAt);
            WriteText(w, s.Note);
        }
        return c.View.Summonses.Count;
    }

    private static int WriteFacts(NpgsqlBinaryImporter w, GeneratedCase c)
    {
        foreach (var (key, t) in c.Facts)
        {
            WriteFact(w, key, c.View.Id, c.View.Version, t);
        }
        return c.Facts.Count;
    }

    private static void WriteFact(NpgsqlBinaryImporter w, StatsDayKey key, string caseId, int version, StatsTotals t)
    {
        w.StartRow();
        w.Write(key.Scope, NpgsqlDbType.Text);
        w.Write(Day(key.Date), NpgsqlDbType.Text);
        w.Write(caseId, NpgsqlDbType.Text);
        w.Write(version, NpgsqlDbType.Integer);
        w.Write(t.Accepted, NpgsqlDbType.Integer);
        w.Write(t.AcceptedResolved, NpgsqlDbType.Integer);
        w.Write(t.Resolved, NpgsqlDbType.Integer);
        w.Write(t.Closed, NpgsqlDbType.Integer);
        w.Write(t.Summoned, NpgsqlDbType.Integer);
        w.Write(t.AckedOnTime, NpgsqlDbType.Integer);
        w.Write(t.Escalations, NpgsqlDbType.Integer);
        w.Write(t.FollowUps, NpgsqlDbType.Integer);
        w.Write(t.SatisfactionSum, NpgsqlDbType.Integer);
        w.Write(t.Satisfied, NpgsqlDbType.Integer);
        w.Write(NanosList(t.AckTimes), NpgsqlDbType.Text);
        w.Write(NanosList(t.ArriveTimes), NpgsqlDbType.Text);
    }

    private static void WriteText(NpgsqlBinaryImporter w, string? text)
    {
        if (text is null) w.WriteNull();
        else w.Write(text, NpgsqlDbType.Text);
    }

    private static void WriteNanos(NpgsqlBinaryImporter w, Instant? at)
    {
        if (at is { } a) w.Write(Nanos(a), NpgsqlDbType.Bigint);
        else w.WriteNull();
    }
}
