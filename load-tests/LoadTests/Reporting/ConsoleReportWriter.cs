using System.Globalization;
using Spectre.Console;

namespace Dispatch.LoadTests.Reporting;

/// <summary>The report's essentials as Spectre.Console tables: targets, counts, latency, baselines, problems.</summary>
public static class ConsoleReportWriter
{
    public static void Write(IAnsiConsole console, SurgeReport r, string? reportDirectory)
    {
        var targets = new Table().Title("Targets (issue 5)").AddColumns("target", "goal", "measured", "result", "miss");
        foreach (var t in r.Targets)
        {
            var result = t.Met switch { true => "[green]met[/]", false => "[red]missed[/]", null => "[grey]not measured[/]" };
            var miss = t.MissPercent is { } m && t.Met == false ? $"{m:0.#} %" : "";
            targets.AddRow(Markup.Escape(t.Name), Markup.Escape(t.Target), Markup.Escape(t.Measured), result, miss);
        }
        console.Write(targets);

        var c = r.Counts;
        var counts = new Table().Title("Counts").AddColumns("accepted", "failed", "summoned", "seen live", "acked", "arrived", "escalated", "lost", "duplicated", "deadlines missed");
        counts.AddRow(N(c.Accepted), N(c.Failed), N(c.Summoned), N(c.SeenLive), N(c.Acknowledged), N(c.Arrived), N(c.Escalated),
            Bad(c.Lost), Bad(c.Duplicated), Bad(c.DeadlinesMissed));
        console.Write(counts);

        var lat = new Table().Title("Latency (ms)").AddColumns("series", "count", "p50", "p95", "p99", "max");
        foreach (var (key, label) in SeriesLabels.Ordered)
        {
            if (r.Latencies.TryGetValue(key, out var s)) lat.AddRow(Markup.Escape(label), N(s.Count), F(s.P50), F(s.P95), F(s.P99), F(s.Max));
        }
        lat.AddRow("escalation lateness (fired − due)", N(r.EscalationLateness.Count), F(r.EscalationLateness.P50),
            F(r.EscalationLateness.P95), F(r.EscalationLateness.P99), F(r.EscalationLateness.Max));
        if (r.OutageEscalationLateness.Count > 0)
        {
            var o = r.OutageEscalationLateness;
            lat.AddRow("  … of deadlines due while down", N(o.Count), F(o.P50), F(o.P95), F(o.P99), F(o.Max));
        }
        console.Write(lat);

        var b = r.Baselines;
        var res = r.Resources;
        console.MarkupLine(CultureInfo.InvariantCulture,
            "Throughput: offered [bold]{0:0.0}[/] whistles/s, accepted [bold]{1:0.0}[/]/s, {2:0.0} API requests/s; summonses per whistle {3}–{4}.",
            r.OfferedPerSecond, r.AcceptedPerSecond, r.ApiRequestsPerSecond, r.SummonsesPerWhistle.Min, r.SummonsesPerWhistle.Max);
        console.MarkupLine(Markup.Escape(
            $"Baselines: pgbench {Opt(b.PgbenchTps, "0")} TPS (whistles per pgbench transaction {Opt(b.WhistlesPerPgbenchTransaction, "0.000")}); " +
            $"raw grain calls {Opt(b.GrainCallsPerSecond, "N0")}/s (API requests per grain call {Opt(b.ApiRequestsPerGrainCall, "0.0000")})" +
            (b.EngineRowWritesPerSecond is { } tps ? $"; the engine wrote {tps:0} PostgreSQL rows/s ({Opt(b.EngineWritesShareOfPgbench * 100, "0.0")} % of pgbench's TPS), {Opt(b.EngineRowWritesPerWhistle, "0.0")} per whistle." : ".")));
        if (res.Sampled)
        {
            console.MarkupLine(Markup.Escape(
                $"Silo: CPU mean {res.SiloMeanCpuPercent:0} %, peak {res.SiloPeakCpuPercent:0} % (load tester {Opt(res.LoadTesterMeanCpuPercent, "0")} %, PostgreSQL {Opt(res.PostgresMeanCpuPercent, "0")} %); peak RSS {res.SiloPeakRssBytes / 1048576.0:0} MB; " +
                $"memory per open case {Kb(res.MemoryPerOpenCaseBytes)}, per idle open case {Kb(res.MemoryPerIdleOpenCaseBytes)}." +
                (res.HeapAfterIdleBytes is null ? "" : $" Managed heap after a full GC {res.HeapBeforeSurgeBytes / 1048576.0:0.#} MB before, {res.HeapAfterIdleBytes / 1048576.0:0.#} MB once idle ({res.ActivationsAfterIdle} activations left).")));
        }
        if (r.Store.Count > 0)
        {
            console.MarkupLine(Markup.Escape("Store: " + string.Join("; ", r.Store.Select(s =>
                $"{s.GrainType} {s.Rows:N0} rows, mean {s.MeanBytes / 1024:0.0} KB, largest {s.MaxBytes / 1024.0:0.0} KB"))));
        }
        foreach (var o in r.Outages)
        {
            var ready = o.Failover ? "its cases answered again through the other silos" : "ready again";
            console.MarkupLine(Markup.Escape(
                $"Chaos: killed at {o.KilledAt}, {ready} {(o.DownSeconds is { } s ? $"after {s:0.00} s" : "never")}; {o.FailedRequests} requests failed meanwhile; " +
                $"{o.DueWhileDown} deadlines fell due while down, {o.FiredAfterRestart} fired after, {o.AnsweredBeforeFiring} answered first, {o.NotFired.Count} did not fire."));
        }
        foreach (var l in r.Lost.Take(10)) console.MarkupLine($"[red]lost[/] {Markup.Escape($"#{l.Index} {l.CaseId}: {l.Reason}")}");
        foreach (var d in r.Duplicates.Take(10)) console.MarkupLine($"[red]duplicate[/] {Markup.Escape($"{d.Kind} {d.CaseId} {d.Subject}: {string.Join(", ", d.Ids)}")}");
        foreach (var m in r.MissedDeadlines.Take(10)) console.MarkupLine($"[red]deadline did not fire[/] {Markup.Escape($"{m.SummonsId} ({m.State}, due {m.DueAt})")}");
        console.MarkupLine(r.Passed ? "[green bold]PASSED[/]: nothing lost, nothing duplicated, every deadline fired." : "[red bold]FAILED[/]: see above.");
        if (reportDirectory is not null) console.MarkupLine($"Report: [link]{Markup.Escape(Path.Combine(reportDirectory, "surge-report.html"))}[/] and surge-report.json");
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string Bad(long v) => v == 0 ? "0" : $"[red]{N(v)}[/]";
    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    private static string Opt(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";
    private static string Kb(double? bytes) => bytes is { } b ? (b / 1024).ToString("0.00", CultureInfo.InvariantCulture) + " KB" : "—";
}
