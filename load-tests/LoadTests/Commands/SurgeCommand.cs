using System.CommandLine;
using Dispatch.LoadTests.Reporting;
using Dispatch.LoadTests.Scenario;
using Dispatch.LoadTests.Surge;
using Spectre.Console;

namespace Dispatch.LoadTests.Commands;

/// <summary>
/// `dispatch-load surge`: N whistles over T seconds from random grids against a silo (given by URL or started here),
/// department bots answering after sampled delays, the live channel watched; writes surge-report.json and .html and
/// exits 1 on any loss, duplicate or deadline that did not fire (2: bad options, 3: the surge could not be set up).
/// </summary>
public static class SurgeCommand
{
    public static Command Create()
    {
        var d = new SurgeArguments();
        var city = new Option<string?>("--city") { Description = "City file the silo serves (default: the shipped Baotou demo city, Data/city-baotou.json).", HelpName = "FILE" };
        var generate = new Option<string?>("--generate") { Description = "Generate a city instead: counties,townshipsPerCounty,gridsPerTownship (e.g. 9,10,50; seeded by --seed; needs --start).", HelpName = "C,T,G" };
        var url = new Option<string?>("--url") { Description = "Drive running silos (loopback only), requests spread round robin: http://127.0.0.1:5000 or http://127.0.0.1:5001,http://127.0.0.1:5002,…", HelpName = "URL[,URL…]" };
        var silos = new Option<int>("--silos") { Description = "With --start postgres: how many silos to start on the one database (a loopback cluster); --chaos kill then kills one of them and measures the failover.", DefaultValueFactory = _ => d.Silos, HelpName = "N" };
        var start = new Option<string?>("--start") { Description = "Start a silo as a child process on a free loopback port: sqlite or postgres (a throwaway cluster unless --postgres).", HelpName = "sqlite|postgres" };
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string: the database for --start postgres, or the silo's database for the pgbench baseline with --url.", HelpName = "CONNSTR" };
        var siloDll = new Option<string?>("--silo-dll") { Description = "The built Dispatch.Silo.dll to start (default: build the repository's Silo in Release, incrementally, and start that).", HelpName = "FILE" };
        var siloPid = new Option<int?>("--silo-pid") { Description = "With --url: the silo's process id, to sample its CPU and memory.", HelpName = "PID" };
        var siloEnv = new Option<string[]>("--silo-env") { Description = "Extra environment for a started silo, NAME=VALUE (repeatable), e.g. DOTNET_gcServer=0.", HelpName = "NAME=VALUE", AllowMultipleArgumentsPerToken = false };
        var whistles = new Option<int>("--whistles") { Description = "Whistles to send.", DefaultValueFactory = _ => d.Whistles, HelpName = "N" };
        var warmup = new Option<int>("--warmup") { Description = "Whistles sent before the surge to warm the silo up (one-hour deadlines, not measured).", DefaultValueFactory = _ => d.Warmup, HelpName = "N" };
        var seconds = new Option<double>("--seconds") { Description = "Over how many seconds (open loop: the schedule does not wait for answers).", DefaultValueFactory = _ => d.Seconds, HelpName = "T" };
        var arrivals = new Option<string>("--arrivals") { Description = "uniform or poisson arrival times.", DefaultValueFactory = _ => d.Arrivals };
        var categoryMix = new Option<string?>("--category-mix") { Description = "Category weights, e.g. neighbourDispute=3,wageArrears=1 (default: all 14 categories alike).", HelpName = "MIX" };
        var riskMix = new Option<string>("--risk-mix") { Description = "Risk colour weights.", DefaultValueFactory = _ => d.RiskMix, HelpName = "MIX" };
        var ackWithin = new Option<string>("--ack-within") { Description = "Whistle's ackWithin override (PT15S or 15s), or 'policy'.", DefaultValueFactory = _ => d.AckWithin };
        var arriveWithin = new Option<string>("--arrive-within") { Description = "Whistle's arriveWithin override, or 'policy'.", DefaultValueFactory = _ => d.ArriveWithin };
        var ackDelay = new Option<string>("--ack-delay") { Description = $"How long a department takes to acknowledge: {Distributions.DelayDistributionParser.Syntax}.", DefaultValueFactory = _ => d.AckDelay, HelpName = "DIST" };
        var arriveDelay = new Option<string>("--arrive-delay") { Description = "How long after acknowledging it reports arrival (same syntax).", DefaultValueFactory = _ => d.ArriveDelay, HelpName = "DIST" };
        var silentShare = new Option<double>("--silent-share") { Description = "Share of departments that never answer (their summonses escalate).", DefaultValueFactory = _ => d.SilentShare, HelpName = "0..1" };
        var seed = new Option<int>("--seed") { Description = "Seed for the schedule, grids, mixes, silent departments and delays.", DefaultValueFactory = _ => d.Seed };
        var report = new Option<string?>("--report") { Description = "Report directory (default load-tests/reports/surge-UTCTIME).", HelpName = "DIR" };
        var chaos = new Option<string>("--chaos") { Description = "none, or kill: kill -9 a started silo mid-surge (with --silos N, the last of them: the failover to the others is measured) and start it again on the same store after --chaos-down.", DefaultValueFactory = _ => d.Chaos };
        var chaosAt = new Option<double>("--chaos-at") { Description = "When to kill, as a share of --seconds.", DefaultValueFactory = _ => d.ChaosAt, HelpName = "0..1" };
        var chaosDown = new Option<string>("--chaos-down") { Description = "How long the silo stays dead before the restart.", DefaultValueFactory = _ => d.ChaosDown, HelpName = "DURATION" };
        var concurrency = new Option<int>("--concurrency") { Description = "Whistles in flight at most (beyond that a whistle waits: schedule lag).", DefaultValueFactory = _ => d.Concurrency, HelpName = "N" };
        var botConcurrency = new Option<int>("--bot-concurrency") { Description = "Department answers (ack, arrive) in flight at most.", DefaultValueFactory = _ => d.BotConcurrency, HelpName = "N" };
        var drain = new Option<string?>("--drain") { Description = "Keep answering and listening this long after the last whistle (default: ackWithin + 5s).", HelpName = "DURATION" };
        var grace = new Option<string>("--grace") { Description = "Then keep listening this long before reading cases back (loss check).", DefaultValueFactory = _ => d.Grace, HelpName = "DURATION" };
        var noBaselines = new Option<bool>("--no-baselines") { Description = "Skip the pgbench and grain-call baselines." };
        var pgbenchDuration = new Option<string>("--pgbench-duration") { Description = "pgbench -T.", DefaultValueFactory = _ => d.PgbenchDuration, HelpName = "DURATION" };
        var idleAge = new Option<string?>("--idle-age") { Description = "With --start: deactivate activations idle this long, wait for it after the run, and report memory per idle open case.", HelpName = "DURATION" };
        var sampleInterval = new Option<string>("--sample-interval") { Description = "CPU and memory sampling interval.", DefaultValueFactory = _ => d.SampleInterval, HelpName = "DURATION" };
        var noProgress = new Option<bool>("--no-progress") { Description = "No live progress display (also off when output is redirected)." };

        var command = new Command("surge", "Citywide surge: N whistles over T seconds, department bots, live channel, report (JSON, HTML, console); exit 1 on loss, duplicate or unfired deadline.")
        {
            city, generate, url, start, silos, postgres, siloDll, siloPid, siloEnv, whistles, warmup, seconds, arrivals, categoryMix, riskMix,
            ackWithin, arriveWithin, ackDelay, arriveDelay, silentShare, seed, report, chaos, chaosAt, chaosDown, concurrency, botConcurrency,
            drain, grace, noBaselines, pgbenchDuration, idleAge, sampleInterval, noProgress,
        };
        command.SetAction(async (parse, ct) =>
        {
            var arguments = new SurgeArguments
            {
                City = parse.GetValue(city),
                Generate = parse.GetValue(generate),
                Url = parse.GetValue(url),
                Start = parse.GetValue(start),
                Silos = parse.GetValue(silos),
                Postgres = parse.GetValue(postgres),
                SiloDll = parse.GetValue(siloDll),
                SiloPid = parse.GetValue(siloPid),
                SiloEnv = parse.GetValue(siloEnv) ?? [],
                Whistles = parse.GetValue(whistles),
                Warmup = parse.GetValue(warmup),
                Seconds = parse.GetValue(seconds),
                Arrivals = parse.GetValue(arrivals)!,
                CategoryMix = parse.GetValue(categoryMix),
                RiskMix = parse.GetValue(riskMix)!,
                AckWithin = parse.GetValue(ackWithin)!,
                ArriveWithin = parse.GetValue(arriveWithin)!,
                AckDelay = parse.GetValue(ackDelay)!,
                ArriveDelay = parse.GetValue(arriveDelay)!,
                SilentShare = parse.GetValue(silentShare),
                Seed = parse.GetValue(seed),
                Report = parse.GetValue(report),
                Chaos = parse.GetValue(chaos)!,
                ChaosAt = parse.GetValue(chaosAt),
                ChaosDown = parse.GetValue(chaosDown)!,
                Concurrency = parse.GetValue(concurrency),
                BotConcurrency = parse.GetValue(botConcurrency),
                Drain = parse.GetValue(drain),
                Grace = parse.GetValue(grace)!,
                NoBaselines = parse.GetValue(noBaselines),
                PgbenchDuration = parse.GetValue(pgbenchDuration)!,
                IdleAge = parse.GetValue(idleAge),
                SampleInterval = parse.GetValue(sampleInterval)!,
                NoProgress = parse.GetValue(noProgress),
                CommandLine = "dispatch-load " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
            };
            return await RunAsync(arguments, AnsiConsole.Console, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(SurgeArguments arguments, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var options = SurgeOptionsParser.Parse(arguments, out var errors);
        if (options is null)
        {
            foreach (var e in errors) console.MarkupLine($"[red]{Markup.Escape(e)}[/]");
            console.MarkupLine("See [bold]dispatch-load surge --help[/].");
            return 2;
        }
        if (options.City.IsGenerated && options.Urls.Count > 0)
        {
            console.MarkupLine("[red]--generate needs --start: a running silo serves the city it was started with (give its file with --city).[/]");
            return 2;
        }
        ISurgeObserver observer = options.Interactive ? new SpectreSurgeObserver(console) : new QuietSurgeObserver(Console.Out);
        try
        {
            var outcome = await new SurgeRunner(options, observer).RunAsync(cancellationToken);
            ConsoleReportWriter.Write(console, outcome.Report, options.ReportDirectory);
            return outcome.ExitCode;
        }
        catch (SurgeSetupException e)
        {
            console.MarkupLine($"[red]The surge could not run:[/] {Markup.Escape(e.Message)}");
            return 3;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[red]The surge ran out of its time budget and was stopped.[/]");
            return 3;
        }
    }
}
