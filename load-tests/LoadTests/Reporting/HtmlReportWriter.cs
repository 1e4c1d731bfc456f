using System.Globalization;
using System.Net;
using System.Text;
using Dispatch.LoadTests.Observations;

namespace Dispatch.LoadTests.Reporting;

/// <summary>The report as one self-contained HTML page: inline CSS and inline SVG charts, no script, nothing fetched.</summary>
public static class HtmlReportWriter
{
    public static string Render(SurgeReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var h = new StringBuilder();
        h.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Append(CultureInfo.InvariantCulture, $"<title>Dispatch surge report — {E(r.Run.StartedAt.ToString("u", CultureInfo.InvariantCulture))}</title>");
        h.Append("""
            <style>
            body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1000px;color:#222;padding:0 12px}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:4px}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;font-size:.92em}
            th{background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#1e8449;font-weight:bold}.fail{color:#c0392b;font-weight:bold}.na{color:#888}
            .verdict{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff}
            .verdict.pass{background:#1e8449}.verdict.fail{background:#c0392b}
            svg{max-width:100%;height:auto;display:block;margin:8px 0}
            code{background:#f5f5f5;padding:1px 4px}
            </style></head><body>
            """);
        h.Append(CultureInfo.InvariantCulture,
            $"<h1>Dispatch surge report <span class=\"verdict {(r.Passed ? "pass" : "fail")}\">{(r.Passed ? "PASSED" : "FAILED")}</span></h1>");
        h.Append(CultureInfo.InvariantCulture,
            $"<p>{r.Counts.Scheduled:N0} whistles over {r.Run.Seconds:0.#} s against <code>{E(r.Run.Target)}</code> ({E(r.Run.Store)}), city {E(r.Run.City.Name)} ({r.Run.City.Townships:N0} townships, {r.Run.City.Grids:N0} grids, {r.Run.City.Departments:N0} departments); started {E(r.Run.StartedAt.ToString("u", CultureInfo.InvariantCulture))} on {r.Run.Cores} cores.</p>");

        Targets(h, r);
        Counts(h, r);
        Latencies(h, r);
        Escalations(h, r);
        Timeline(h, r);
        Resources(h, r);
        Baselines(h, r);
        Store(h, r);
        Chaos(h, r);
        Problems(h, r);
        Settings(h, r);
        if (r.Notes.Count > 0)
        {
            h.Append("<h2>Notes</h2><ul>");
            foreach (var n in r.Notes) h.Append(CultureInfo.InvariantCulture, $"<li>{E(n)}</li>");
            h.Append("</ul>");
        }
        h.Append("</body></html>\n");
        return h.ToString();
    }

    private static void Targets(StringBuilder h, SurgeReport r)
    {
        h.Append("<h2>Targets (issue 5)</h2><table><tr><th>target</th><th>goal</th><th>measured</th><th>result</th><th>miss</th><th>note</th></tr>");
        foreach (var t in r.Targets)
        {
            var (css, text) = t.Met switch { true => ("pass", "met"), false => ("fail", "missed"), null => ("na", "not measured") };
            var miss = t.MissPercent is { } m && t.Met == false ? $"{m:0.#} %" : "";
            h.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(t.Name)}</td><td>{E(t.Target)}</td><td class=\"n\">{E(t.Measured)}</td><td class=\"{css}\">{text}</td><td class=\"n\">{miss}</td><td>{E(t.Note ?? "")}</td></tr>");
        }
        h.Append("</table>");
    }

    private static void Counts(StringBuilder h, SurgeReport r)
    {
        var c = r.Counts;
        h.Append("<h2>Counts and throughput</h2><table>");
        Row(h, "whistles scheduled", c.Scheduled);
        Row(h, "accepted", c.Accepted);
        Row(h, "failed (not accepted)", c.Failed);
        Row(h, "retried (answered after a failed attempt)", c.Retried);
        Row(h, "summoned (by the whistles)", c.Summoned);
        Row(h, "  seen on the live channel", c.SeenLive);
        Row(h, "  seen only in the store", c.SeenOnlyInStore);
        Row(h, "acknowledged", c.Acknowledged);
        Row(h, "arrived", c.Arrived);
        Row(h, "bot answers refused (4xx: mostly a summons escalated before the answer came)", c.AnswersRefused);
        Row(h, "escalated (summonses)", c.Escalated);
        Row(h, "cases a duty leader took", c.LeaderTook);
        Row(h, "silent departments", c.SilentDepartments);
        Row(h, "live events received", c.LiveEvents);
        Row(h, "lost", c.Lost, c.Lost > 0);
        Row(h, "duplicated", c.Duplicated, c.Duplicated > 0);
        Row(h, "deadlines missed", c.DeadlinesMissed, c.DeadlinesMissed > 0);
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>offered</td><td class=\"n\">{r.OfferedPerSecond:0.0} whistles/s</td></tr>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>accepted</td><td class=\"n\">{r.AcceptedPerSecond:0.0} whistles/s</td></tr>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>API requests</td><td class=\"n\">{r.ApiRequestsPerSecond:0.0} /s</td></tr>");
        h.Append(CultureInfo.InvariantCulture,
            $"<tr><td>summonses per whistle</td><td class=\"n\">{r.SummonsesPerWhistle.Min}–{r.SummonsesPerWhistle.Max} (mean {r.SummonsesPerWhistle.Mean:0.00})</td></tr>");
        h.Append("</table>");
    }

    private static void Row(StringBuilder h, string name, long value, bool bad = false) =>
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(name)}</td><td class=\"n{(bad ? " fail" : "")}\">{value:N0}</td></tr>");

    private static void Latencies(StringBuilder h, SurgeReport r)
    {
        h.Append("<h2>Latency (ms)</h2><table><tr><th>series</th><th>count</th><th>p50</th><th>p95</th><th>p99</th><th>max</th><th>mean</th></tr>");
        foreach (var (key, label) in SeriesLabels.Ordered)
        {
            if (!r.Latencies.TryGetValue(key, out var s)) continue;
            LatencyRow(h, label, s);
        }
        h.Append("</table>");
    }

    private static void LatencyRow(StringBuilder h, string label, LatencySummary s) =>
        h.Append(CultureInfo.InvariantCulture,
            $"<tr><td>{E(label)}</td><td class=\"n\">{s.Count:N0}</td><td class=\"n\">{s.P50:0.0}</td><td class=\"n\">{s.P95:0.0}</td><td class=\"n\">{s.P99:0.0}</td><td class=\"n\">{s.Max:0.0}</td><td class=\"n\">{s.Mean:0.0}</td></tr>");

    private static void Escalations(StringBuilder h, SurgeReport r)
    {
        h.Append("<h2>Escalation lateness (fired − due, ms)</h2><table><tr><th>deadlines</th><th>count</th><th>p50</th><th>p95</th><th>p99</th><th>max</th><th>mean</th></tr>");
        LatencyRow(h, "due while the silo was up", r.EscalationLateness);
        if (r.OutageEscalationLateness.Count > 0) LatencyRow(h, "due while the silo was down", r.OutageEscalationLateness);
        h.Append("</table>");
        h.Append(SvgChart.Bars("Escalation lateness (deadlines due while up)", "escalations",
            r.LatenessHistogram.Select(b => new ChartBar(b.Label, b.Count)).ToList()));
    }

    private static void Timeline(StringBuilder h, SurgeReport r)
    {
        h.Append("<h2>Over time</h2>");
        ChartSeries S(string name, string colour, Func<Reporting.SecondBucket, double> value) =>
            new(name, colour, r.PerSecond.Select(b => new ChartPoint(b.Second, value(b))).ToList());
        h.Append(SvgChart.Line("Per second", "seconds since start", "per second",
        [
            S("whistles sent", "#2e86de", b => b.Sent),
            S("whistles accepted", "#27ae60", b => b.Accepted),
            S("new summonses live", "#8e44ad", b => b.LiveSummonses),
            S("escalations live", "#e67e22", b => b.Escalations),
        ]));
        h.Append(SvgChart.Line("p99 whistle accepted per second", "seconds since start", "ms",
            [S("p99 whistle accepted", "#2e86de", b => b.WhistleP99Ms)], Reporting.Targets.WhistleAcceptedP99Ms, "target 20 ms"));
    }

    private static void Resources(StringBuilder h, SurgeReport r)
    {
        var res = r.Resources;
        h.Append("<h2>Silo CPU and memory</h2>");
        if (!res.Sampled)
        {
            h.Append(CultureInfo.InvariantCulture, $"<p class=\"na\">Not sampled: {E(res.Note)}</p>");
            return;
        }
        List<ChartSeries> Series(Func<ResourceSample, double> value, bool memory) =>
            res.Samples.GroupBy(s => s.Process)
                .Where(g => !memory || g.Key != SurgeReportBuilder.PostgresProcess)
                .Select(g => new ChartSeries(g.Key, Colour(g.Key), g.Select(s => new ChartPoint(s.AtMs / 1000, value(s))).ToList()))
                .ToList();
        h.Append(SvgChart.Line($"CPU (% of one core; {r.Run.Cores * 100} % = all {r.Run.Cores} cores)", "seconds since start", "% CPU", Series(s => s.CpuPercent, memory: false)));
        h.Append(SvgChart.Line("Resident memory", "seconds since start", "MB", Series(s => s.RssBytes / 1048576.0, memory: true)));
        h.Append("<table>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>silo CPU mean / peak</td><td class=\"n\">{res.SiloMeanCpuPercent:0} % / {res.SiloPeakCpuPercent:0} %</td></tr>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>load tester CPU mean / PostgreSQL CPU mean</td><td class=\"n\">{Opt(res.LoadTesterMeanCpuPercent, "0")} % / {Opt(res.PostgresMeanCpuPercent, "0")} %</td></tr>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>silo peak resident memory</td><td class=\"n\">{Mb(res.SiloPeakRssBytes)}</td></tr>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>resident memory before the surge / after the drain / after idle</td><td class=\"n\">{Mb(res.RssBeforeSurgeBytes)} / {Mb(res.RssAfterDrainBytes)} / {Mb(res.RssAfterIdleBytes)}</td></tr>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>open cases</td><td class=\"n\">{res.OpenCases:N0}</td></tr>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>memory per open case (activated)</td><td class=\"n\">{Kb(res.MemoryPerOpenCaseBytes)}</td></tr>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><td>memory per idle open case</td><td class=\"n\">{Kb(res.MemoryPerIdleOpenCaseBytes)}</td></tr>");
        if (res.HeapAfterIdleBytes is not null)
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>managed heap after a full GC: before the surge / once idle (activations left)</td><td class=\"n\">{Mb(res.HeapBeforeSurgeBytes)} / {Mb(res.HeapAfterIdleBytes)} ({res.ActivationsAfterIdle})</td></tr>");
        h.Append("</table>");
        if (res.Note.Length > 0) h.Append(CultureInfo.InvariantCulture, $"<p>{E(res.Note)}</p>");
    }

    private static void Baselines(StringBuilder h, SurgeReport r)
    {
        var b = r.Baselines;
        h.Append("<h2>Baselines (same run)</h2><table><tr><th>baseline</th><th>figure</th><th>engine as a ratio</th><th>note</th></tr>");
        h.Append(CultureInfo.InvariantCulture,
            $"<tr><td>pgbench TPS (one JSON row upsert per transaction)</td><td class=\"n\">{Opt(b.PgbenchTps, "0")}</td><td class=\"n\">{Opt(b.WhistlesPerPgbenchTransaction, "0.000")} whistles accepted per pgbench transaction</td><td>{E(b.PgbenchNote)}</td></tr>");
        if (b.EngineRowWritesPerSecond is { } tps)
        {
            h.Append(CultureInfo.InvariantCulture,
                $"<tr><td>rows the engine wrote to PostgreSQL per second during the surge</td><td class=\"n\">{tps:0}</td><td class=\"n\">{Opt(b.EngineWritesShareOfPgbench * 100, "0.0")} % of pgbench's TPS; {Opt(b.EngineRowWritesPerWhistle, "0.0")} row writes per accepted whistle (bots' answers included)</td><td>pg_stat_database inserted + updated + deleted tuples over the surge and drain</td></tr>");
        }
        h.Append(CultureInfo.InvariantCulture,
            $"<tr><td>raw grain calls per second (in-process runtime)</td><td class=\"n\">{Opt(b.GrainCallsPerSecond, "N0")}</td><td class=\"n\">{Opt(b.ApiRequestsPerGrainCall, "0.0000")} API requests per grain call</td><td>{E(b.GrainNote)}</td></tr>");
        h.Append("</table>");
    }

    private static void Store(StringBuilder h, SurgeReport r)
    {
        if (r.Store.Count == 0) return;
        h.Append("<h2>Store after the run (grain_state)</h2><table><tr><th>grain type</th><th>rows</th><th>mean payload</th><th>largest payload</th></tr>");
        foreach (var s in r.Store)
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.GrainType)}</td><td class=\"n\">{s.Rows:N0}</td><td class=\"n\">{s.MeanBytes / 1024:0.0} KB</td><td class=\"n\">{s.MaxBytes / 1024.0:0.0} KB</td></tr>");
        h.Append("</table><p>Every write of a grain stores its whole payload: a large payload written often is a hot spot.</p>");
    }

    private static void Chaos(StringBuilder h, SurgeReport r)
    {
        if (r.Outages.Count == 0) return;
        h.Append("<h2>Chaos: silo killed (kill -9)</h2><p>Alone, the silo is restarted and \"ready again\" is its /health; one of several, \"ready again\" is when its cases answered through the other silos (the failover).</p>");
        h.Append("<table><tr><th>kind</th><th>killed at</th><th>ready again at</th><th>seconds</th><th>failed requests</th><th>deadlines due while down</th><th>fired after</th><th>answered before firing</th><th>not fired</th></tr>");
        foreach (var o in r.Outages)
        {
            h.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{(o.Failover ? "failover" : "restart")}</td><td>{o.KilledAt}</td><td>{(o.ReadyAt?.ToString() ?? "never")}</td><td class=\"n\">{o.DownSeconds:0.00}</td><td class=\"n\">{o.FailedRequests}</td><td class=\"n\">{o.DueWhileDown}</td><td class=\"n\">{o.FiredAfterRestart}</td><td class=\"n\">{o.AnsweredBeforeFiring}</td><td class=\"n{(o.NotFired.Count > 0 ? " fail" : "")}\">{o.NotFired.Count}</td></tr>");
        }
        h.Append("</table>");
    }

    private static void Problems(StringBuilder h, SurgeReport r)
    {
        if (r.Lost.Count > 0)
        {
            h.Append("<h2 class=\"fail\">Lost whistles</h2><table><tr><th>#</th><th>case</th><th>missing summonses</th><th>why</th></tr>");
            foreach (var l in r.Lost)
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{l.Index}</td><td>{E(l.CaseId)}</td><td>{E(string.Join(", ", l.MissingSummonsIds))}</td><td>{E(l.Reason)}</td></tr>");
            h.Append("</table>");
        }
        if (r.Duplicates.Count > 0)
        {
            h.Append("<h2 class=\"fail\">Duplicates</h2><table><tr><th>kind</th><th>case</th><th>subject</th><th>ids</th></tr>");
            foreach (var d in r.Duplicates)
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{d.Kind}</td><td>{E(d.CaseId)}</td><td>{E(d.Subject)}</td><td>{E(string.Join(", ", d.Ids))}</td></tr>");
            h.Append("</table>");
        }
        if (r.MissedDeadlines.Count > 0)
        {
            h.Append("<h2 class=\"fail\">Deadlines that did not fire</h2><table><tr><th>case</th><th>summons</th><th>department</th><th>state</th><th>due</th></tr>");
            foreach (var m in r.MissedDeadlines)
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(m.CaseId)}</td><td>{E(m.SummonsId)}</td><td>{E(m.DepartmentId)}</td><td>{E(m.State)}</td><td>{m.DueAt}</td></tr>");
            h.Append("</table>");
        }
    }

    private static void Settings(StringBuilder h, SurgeReport r)
    {
        var run = r.Run;
        h.Append("<h2>Run</h2><table>");
        void S(string k, string v) => h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(k)}</td><td>{E(v)}</td></tr>");
        S("command", run.CommandLine);
        S("target", run.Target);
        S("store", run.Store);
        S("city", $"{run.City.Name} ({run.City.CityId}) from {run.City.Source}: {run.City.Counties} counties, {run.City.Townships} townships, {run.City.Grids} grids, {run.City.Departments} departments");
        S("whistles / seconds / arrivals", $"{run.Whistles:N0} / {run.Seconds:0.#} s / {run.Arrivals} (after {run.Warmup:N0} warm-up whistles, not measured)");
        S("category mix", run.CategoryMix);
        S("risk mix", run.RiskMix);
        S("ackWithin / arriveWithin", $"{run.AckWithin} / {run.ArriveWithin}");
        S("ack delay", run.AckDelay);
        S("arrive delay", run.ArriveDelay);
        S("silent share", run.SilentShare.ToString("0.###", CultureInfo.InvariantCulture));
        S("seed", run.Seed.ToString(CultureInfo.InvariantCulture));
        S("chaos", run.Chaos);
        S("concurrency (whistles / bot answers)", $"{run.Concurrency} / {run.BotConcurrency}");
        S("drain / grace", $"{run.DrainSeconds:0.#} s / {run.GraceSeconds:0.#} s");
        S("machine", $"{run.Cores} cores, {run.Os}, {run.Runtime}");
        h.Append("</table>");
    }

    private static string Colour(string process) => process switch
    {
        SurgeReportBuilder.SiloProcess => "#2e86de",
        SurgeReportBuilder.PostgresProcess => "#e67e22",
        _ => "#95a5a6",
    };

    private static string Opt(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string Mb(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB" : "—";

    private static string Kb(double? bytes) => bytes is { } b ? (b / 1024).ToString("0.00", CultureInfo.InvariantCulture) + " KB" : "—";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
