using System.CommandLine;
using Dispatch.Grains.Domain.City;
using Dispatch.LoadTests.Seeding;
using Dispatch.Silo.Storage;
using Dispatch.Testing;
using NodaTime;
using Spectre.Console;

namespace Dispatch.LoadTests.Commands;

/// <summary>
/// `dispatch-load seed`: N made-up historical cases straight into a PostgreSQL database's read-model tables
/// (case_view, summons_view, stats_fact) with COPY; exit 2 on bad options, 3 when the database cannot be seeded.
/// </summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var d = new SeedArguments();
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string of the database to fill (the schema is applied first; the three tables must be empty unless --truncate).", HelpName = "CONNSTR" };
        var start = new Option<string?>("--start") { Description = "postgres: start a throwaway cluster, seed it, print its connection string and keep it running until Ctrl+C.", HelpName = "postgres" };
        var cases = new Option<long>("--cases") { Description = "How many cases.", DefaultValueFactory = _ => d.Cases, HelpName = "N" };
        var city = new Option<string?>("--city") { Description = "City file (default: the shipped Baotou demo city, Data/city-baotou.json).", HelpName = "FILE" };
        var years = new Option<double>("--years") { Description = "The span of the history, ending now (or at --until).", DefaultValueFactory = _ => d.Years, HelpName = "Y" };
        var seed = new Option<int>("--seed") { Description = "Seed of the history (the same seed, span and city give the same rows).", DefaultValueFactory = _ => d.Seed };
        var until = new Option<string?>("--until") { Description = "End of the history as an ISO-8601 UTC instant, e.g. 2026-11-29T12:00:00Z (default: now).", HelpName = "INSTANT" };
        var truncate = new Option<bool>("--truncate") { Description = "Empty case_view, summons_view and stats_fact first." };
        var command = new Command("seed",
            "Bulk-load N historical cases (default 1,000,000 over two years: every state, 3-5 summonses per whistled case, escalations, follow-ups) " +
            "into PostgreSQL's read-model tables case_view, summons_view and stats_fact with COPY. Only those three tables are filled: " +
            "no grain state, no reminders, so the cases are there for lists, inboxes, statistics and reports, not for commands.")
        {
            postgres, start, cases, city, years, seed, until, truncate,
        };
        command.SetAction(async (parse, ct) => await RunAsync(new SeedArguments
        {
            Postgres = parse.GetValue(postgres),
            Start = parse.GetValue(start),
            Cases = parse.GetValue(cases),
            City = parse.GetValue(city),
            Years = parse.GetValue(years),
            Seed = parse.GetValue(seed),
            Until = parse.GetValue(until),
            Truncate = parse.GetValue(truncate),
        }, AnsiConsole.Console, ct));
        return command;
    }

    public static async Task<int> RunAsync(SeedArguments arguments, IAnsiConsole console, CancellationToken ct)
    {
        var options = SeedOptionsParser.Parse(arguments, out var errors);
        if (options is null)
        {
            foreach (var e in errors) console.MarkupLine($"[red]{Markup.Escape(e)}[/]");
            console.MarkupLine("See [bold]dispatch-load seed --help[/].");
            return 2;
        }
        CityModel city;
        try
        {
            city = CityLoader.Load(options.City.File!);
        }
        catch (Exception e) when (e is CityFileException or IOException)
        {
            console.MarkupLine($"[red]--city: {Markup.Escape(e.Message)}[/]");
            return 2;
        }

        ThrowawayPostgres? cluster = null;
        try
        {
            var connection = options.Postgres;
            if (connection is null)
            {
                cluster = await ThrowawayPostgres.StartAsync(m => console.MarkupLine($"[grey]{Markup.Escape(m)}[/]"), ct);
                connection = await cluster.CreateDatabaseAsync("dispatch", ct);
            }
            var result = await SeedAsync(connection, city, options.Spec(SystemClock.Instance.GetCurrentInstant()), options.Truncate, console, ct);
            WriteSummary(console, result);
            if (cluster is not null)
            {
                console.MarkupLine($"The throwaway cluster keeps running: [bold]{Markup.Escape(connection)}[/]");
                console.MarkupLine("Press Ctrl+C to stop it and delete its directory.");
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    console.MarkupLine("Stopping the cluster.");
                }
            }
            return 0;
        }
        catch (Exception e) when (e is SeedException or StorageUnavailableException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            console.MarkupLine($"[red]The seed could not run:[/] {Markup.Escape(e.Message)}");
            return 3;
        }
        finally
        {
            if (cluster is not null) await cluster.DisposeAsync();
        }
    }

    /// <summary>Applies the schema, checks (or empties) the tables and loads the history, showing progress.</summary>
    public static async Task<SeedResult> SeedAsync(string connection, CityModel city, HistorySpec spec, bool truncate, IAnsiConsole console,
        CancellationToken ct)
    {
        console.MarkupLine($"[grey]Applying the schema (version {OrleansSchema.Version}) ...[/]");
        await ReadModelSeeder.PrepareAsync(connection, truncate, ct);
        console.MarkupLine($"[grey]Seeding {spec.Cases:N0} cases of {Markup.Escape(city.City.Name)} from {spec.From} to {spec.Until}, seed {spec.Seed} ...[/]");
        if (Console.IsOutputRedirected)
            return await ReadModelSeeder.SeedAsync(connection, city, spec, new LineSeedProgress(Console.Out), ct);
        var progress = new SpectreSeedProgress(console);
        return await progress.WatchAsync(spec.Cases, ReadModelSeeder.SeedAsync(connection, city, spec, progress, ct));
    }

    public static void WriteSummary(IAnsiConsole console, SeedResult r)
    {
        var table = new Table().AddColumns("table", "rows").AddRow("case_view", $"{r.Cases:N0}").AddRow("summons_view", $"{r.Summonses:N0}")
            .AddRow("stats_fact", $"{r.Facts:N0}").AddRow("[bold]all[/]", $"[bold]{r.Rows:N0}[/]");
        console.Write(table);
        console.MarkupLine("States: " + string.Join(", ", r.States.Select(s => $"{s.Key} {s.Value:N0} ({Share(s.Value, r.Cases)})")));
        console.MarkupLine($"Open {r.OpenCases:N0} ({Share(r.OpenCases, r.Cases)}), of them overdue {r.OverdueOpenCases:N0}; escalated at least once {r.EscalatedCases:N0} ({Share(r.EscalatedCases, r.Cases)}); open summonses {r.OpenSummonses:N0}.");
        console.MarkupLine($"Generate + COPY {r.CopySeconds:0.0} s ({r.CopyRowsPerSecond:N0} rows/s), indexes {r.IndexSeconds:0.0} s, VACUUM ANALYZE {r.VacuumSeconds:0.0} s: " +
            $"[bold]{r.TotalSeconds:0.0} s, {r.RowsPerSecond:N0} rows/s overall[/] on {Environment.ProcessorCount} cores.");
    }

    private static string Share(long part, long whole) => whole > 0 ? $"{100.0 * part / whole:0.0} %" : "-";
}
