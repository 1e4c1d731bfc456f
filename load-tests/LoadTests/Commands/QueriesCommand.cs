using System.CommandLine;
using Dispatch.LoadTests.Queries;
using Dispatch.LoadTests.Seeding;
using Dispatch.LoadTests.Surge;
using Dispatch.Silo.Storage;
using Spectre.Console;

namespace Dispatch.LoadTests.Commands;

/// <summary>
/// `dispatch-load queries`: seeds a database per size, starts the silo on it and times the read paths (p50/p99 over
/// HTTP, and the reference SQL alone); writes queries-report.json and .md; exit 2 on bad options, 3 when it cannot run.
/// </summary>
public static class QueriesCommand
{
    public static Command Create()
    {
        var d = new QueriesArguments();
        var sizes = new Option<string>("--sizes") { Description = "Case counts to seed and measure, comma-separated.", DefaultValueFactory = _ => d.Sizes, HelpName = "N,N,..." };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server to use instead of a throwaway cluster: its connection string; the databases dispatch_queries_N are created on it (dropped first if there) and dropped after.", HelpName = "CONNSTR" };
        var city = new Option<string?>("--city") { Description = "City file (default: the shipped Baotou demo city).", HelpName = "FILE" };
        var years = new Option<double>("--years") { Description = "The span of each seeded history, ending now (or at --until).", DefaultValueFactory = _ => d.Years, HelpName = "Y" };
        var seed = new Option<int>("--seed") { Description = "Seed of the histories.", DefaultValueFactory = _ => d.Seed };
        var until = new Option<string?>("--until") { Description = "End of the histories, an ISO-8601 UTC instant (default: now).", HelpName = "INSTANT" };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed requests per read and size.", DefaultValueFactory = _ => d.Repetitions, HelpName = "N" };
        var warmup = new Option<int>("--warmup") { Description = "Untimed requests per read first.", DefaultValueFactory = _ => d.Warmup, HelpName = "N" };
        var reportRepetitions = new Option<int>("--report-repetitions") { Description = "Timed productions of the county's quarter report (through an Orleans client).", DefaultValueFactory = _ => d.ReportRepetitions, HelpName = "N" };
        var siloDll = new Option<string?>("--silo-dll") { Description = "The built Dispatch.Silo.dll to start (default: build the repository's Silo in Release).", HelpName = "FILE" };
        var report = new Option<string?>("--report") { Description = "Report directory (default load-tests/reports/queries-UTCTIME).", HelpName = "DIR" };
        var keep = new Option<bool>("--keep") { Description = "With --postgres: keep the seeded databases." };
        var noSql = new Option<bool>("--no-sql") { Description = "Skip timing the reference SQL on the database alone." };
        var proposed = new Option<bool>("--proposed") { Description = "Then add the proposed indexes and per-day rollup (docs/queries-readme.md) to each database and time the reads' SQL again with them." };
        var command = new Command("queries",
            "Read paths at scale: for each size, seed a PostgreSQL database (as `seed` does), start the real silo on it and time a township's " +
            "open cases (page 1 and 200), its overdue cases, a department's open summonses, a county's month statistics, the city's township " +
            "ranking and the county's quarter report, p50/p99 over HTTP; then the same reads' reference SQL on the database alone.")
        {
            sizes, postgres, city, years, seed, until, repetitions, warmup, reportRepetitions, siloDll, report, keep, noSql, proposed,
        };
        command.SetAction(async (parse, ct) => await RunAsync(new QueriesArguments
        {
            Sizes = parse.GetValue(sizes)!,
            Postgres = parse.GetValue(postgres),
            City = parse.GetValue(city),
            Years = parse.GetValue(years),
            Seed = parse.GetValue(seed),
            Until = parse.GetValue(until),
            Repetitions = parse.GetValue(repetitions),
            Warmup = parse.GetValue(warmup),
            ReportRepetitions = parse.GetValue(reportRepetitions),
            SiloDll = parse.GetValue(siloDll),
            Report = parse.GetValue(report),
            Keep = parse.GetValue(keep),
            NoSql = parse.GetValue(noSql),
            Proposed = parse.GetValue(proposed),
        }, "dispatch-load " + string.Join(' ', parse.Tokens.Select(t => t.Value)), AnsiConsole.Console, ct));
        return command;
    }

    public static async Task<int> RunAsync(QueriesArguments arguments, string commandLine, IAnsiConsole console, CancellationToken ct)
    {
        var options = QueriesOptionsParser.Parse(arguments, out var errors);
        if (options is null)
        {
            foreach (var e in errors) console.MarkupLine($"[red]{Markup.Escape(e)}[/]");
            console.MarkupLine("See [bold]dispatch-load queries --help[/].");
            return 2;
        }
        try
        {
            var report = await new QueriesRunner(options, console, commandLine).RunAsync(ct);
            var json = Path.Combine(options.ReportDirectory, "queries-report.json");
            var markdown = Path.Combine(options.ReportDirectory, "queries-report.md");
            await File.WriteAllTextAsync(json, QueriesReportWriter.RenderJson(report), CancellationToken.None);
            await File.WriteAllTextAsync(markdown, QueriesReportWriter.RenderMarkdown(report), CancellationToken.None);
            Write(console, report);
            console.MarkupLine($"Report: [bold]{Markup.Escape(markdown)}[/] and queries-report.json beside it.");
            return 0;
        }
        catch (Exception e) when (e is SurgeSetupException or SeedException or StorageUnavailableException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            console.MarkupLine($"[red]The queries could not run:[/] {Markup.Escape(e.Message)}");
            return 3;
        }
    }

    private static void Write(IAnsiConsole console, QueriesReport report)
    {
        foreach (var (kind, of) in new (string, Func<SizeResult, IReadOnlyList<ReadTiming>>)[] { ("HTTP", s => s.Http), ("SQL", s => s.Sql), ("proposed", s => s.Proposed) })
        {
            var last = report.Sizes[^1];
            if (of(last).Count == 0) continue;
            var table = new Table().Title($"{kind}: p50 / p99 ms").AddColumn("read");
            foreach (var s in report.Sizes) table.AddColumn($"{s.Cases:N0}", c => c.RightAligned());
            table.AddColumn("p99 growth").AddColumn($"p99 ≤ {QueriesReport.GoalMs:0} ms");
            foreach (var read in of(last))
            {
                var cells = new List<string> { Markup.Escape(read.Read) };
                cells.AddRange(report.Sizes.Select(s => of(s).FirstOrDefault(r => r.Read == read.Read) is { Samples: > 0 } r ? $"{r.P50Ms:0.0} / {r.P99Ms:0.0}" : "—"));
                var g = report.Growth.FirstOrDefault(x => x.Kind == kind && x.Read == read.Read);
                cells.Add(g is null ? "—" : $"×{g.Ratio:0.00} (log N ×{g.LogRatio:0.00}){(g.WithinLogN ? "" : " [red]faster[/]")}");
                cells.Add(read.Samples == 0 ? "[yellow]not timed[/]" : read.P99Ms <= QueriesReport.GoalMs ? "[green]met[/]" : $"[red]missed by {read.P99Ms - QueriesReport.GoalMs:0.0} ms[/]");
                table.AddRow(cells.ToArray());
            }
            console.Write(table);
        }
        foreach (var note in report.Sizes.SelectMany(s => s.Http.Where(r => r.Note is not null).Select(r => $"{s.Cases:N0}, {r.Read}: {r.Note}")).Concat(report.Notes))
            console.MarkupLine($"[grey]- {Markup.Escape(note)}[/]");
    }
}
