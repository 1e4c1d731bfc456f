using System.Globalization;
using System.Text;
using System.Text.Json;
using Dispatch.LoadTests.Reporting;

namespace Dispatch.LoadTests.Queries;

/// <summary>The queries report as JSON (every figure) and as Markdown (the tables for the README).</summary>
public static class QueriesReportWriter
{
    public static string RenderJson(QueriesReport report) => JsonSerializer.Serialize(report, JsonReportWriter.Options);

    public static string RenderMarkdown(QueriesReport report)
    {
        var md = new StringBuilder();
        var sizes = report.Sizes;
        md.AppendLine(CultureInfo.InvariantCulture, $"# Read paths at {string.Join(", ", sizes.Select(s => Count(s.Cases)))} cases");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{report.At:yyyy-MM-dd HH:mm} UTC, {report.Cores} cores, {report.Os}; city {report.City}, seed {report.Seed}, " +
            $"{report.Years.ToString(CultureInfo.InvariantCulture)} years of history; {report.Repetitions} timed requests per read after {report.Warmup} untimed, " +
            $"one at a time. `{report.CommandLine}`");
        md.AppendLine();
        Table(md, "HTTP (p50 / p99 ms, admin token, one request at a time)", "HTTP", sizes, s => s.Http, report);
        if (sizes.Any(s => s.Sql.Count > 0))
            Table(md, "Reference SQL on the database alone (p50 / p99 ms)", "SQL", sizes, s => s.Sql, report);
        if (sizes.Any(s => s.Proposed.Count > 0))
            Table(md, "Proposed SQL: indexes A and D, rollup C, deferred join B (p50 / p99 ms)", "proposed", sizes, s => s.Proposed, report);

        md.AppendLine("## What was asked for, and the seeds");
        md.AppendLine();
        md.AppendLine("| cases | township (cases handled / open) | department (summonses / open) | county (cases) | month, quarter | seed: rows, time, rows/s | load average |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in sizes)
        {
            var t = s.Targets;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Cases:N0} | {t.TownshipId} ({t.TownshipCases:N0} / {t.TownshipOpenCases:N0}) | {t.DepartmentId} ({t.DepartmentSummonses:N0} / {t.DepartmentOpenSummonses:N0}) | " +
                $"{t.CountyId} ({t.CountyCases:N0}) | {ReadTargets.Iso(t.Month)}, {ReadTargets.Iso(t.Quarter)} | " +
                $"{s.Seed.Rows:N0} rows in {s.Seed.TotalSeconds:0} s ({s.Seed.RowsPerSecond:N0}/s) | {s.LoadAverage ?? "-"} |");
        }
        md.AppendLine();
        var notes = sizes.SelectMany(s => s.Http.Concat(s.Sql).Where(r => r.Note is not null).Select(r => $"{Count(s.Cases)}, {r.Read}: {r.Note}"))
            .Concat(report.Notes).ToList();
        if (notes.Count > 0)
        {
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var n in notes) md.AppendLine("- " + n);
            md.AppendLine();
        }
        md.AppendLine("## Requests");
        md.AppendLine();
        foreach (var r in sizes[^1].Http.Concat(sizes[^1].Sql).Concat(sizes[^1].Proposed)) md.AppendLine(CultureInfo.InvariantCulture, $"- {r.Read}: `{r.Request}`");
        return md.ToString();
    }

    private static void Table(StringBuilder md, string title, string kind, IReadOnlyList<SizeResult> sizes, Func<SizeResult, IReadOnlyList<ReadTiming>> of,
        QueriesReport report)
    {
        md.AppendLine("## " + title);
        md.AppendLine();
        var growth = report.Growth.Where(g => g.Kind == kind).ToDictionary(g => g.Read);
        md.AppendLine(CultureInfo.InvariantCulture, $"| read | {string.Join(" | ", sizes.Select(s => Count(s.Cases)))} | p99 growth {Count(sizes[0].Cases)} → {Count(sizes[^1].Cases)} (log N: ×{growth.Values.FirstOrDefault()?.LogRatio ?? 0:0.00}) | p99 ≤ {QueriesReport.GoalMs:0} ms at {Count(sizes[^1].Cases)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(sizes.Select(_ => "---|"))}---|---|");
        foreach (var read in of(sizes[^1]).Select(r => r.Read))
        {
            var cells = sizes.Select(s => of(s).FirstOrDefault(r => r.Read == read) is { Samples: > 0 } r
                ? string.Create(CultureInfo.InvariantCulture, $"{r.P50Ms:0.0} / {r.P99Ms:0.0}") : "—");
            var g = growth.GetValueOrDefault(read);
            var last = of(sizes[^1]).First(r => r.Read == read);
            var growthText = g is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"×{g.Ratio:0.00} ({(g.Ratio <= g.LogRatio ? "≤ log N" : g.WithinLogN ? "under the 5 ms floor" : "faster than log N")})");
            var goal = last.Samples == 0 ? "not timed"
                : last.P99Ms <= QueriesReport.GoalMs ? "met"
                : string.Create(CultureInfo.InvariantCulture, $"**missed by {last.P99Ms - QueriesReport.GoalMs:0.0} ms** ({last.P99Ms / QueriesReport.GoalMs:0.0}×)");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {read} | {string.Join(" | ", cells)} | {growthText} | {goal} |");
        }
        md.AppendLine();
    }

    private static string Count(int cases) => cases switch
    {
        >= 1_000_000 when cases % 1_000_000 == 0 => $"{cases / 1_000_000}M",
        >= 1_000 when cases % 1_000 == 0 => $"{cases / 1_000}k",
        _ => cases.ToString("N0", CultureInfo.InvariantCulture),
    };
}
