using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.LoadTests.Analysis;
using Dispatch.LoadTests.Api;
using Dispatch.LoadTests.Baselines;
using Dispatch.LoadTests.Observations;
using Dispatch.LoadTests.Reporting;
using Dispatch.LoadTests.Scenario;
using Dispatch.LoadTests.SiloHost;
using Dispatch.Testing;

namespace Dispatch.LoadTests.Surge;

/// <summary>
/// One surge, start to finish: target silo (started as a child process or given by URL), baselines, the open-loop
/// whistles with department bots and the live listener, optional kill -9 and restart, drain, grace, read-back of
/// every case, idle memory, then the analysis and the report (JSON and HTML in the report directory).
/// Every phase is bounded in time.
/// </summary>
public sealed class SurgeRunner(SurgeOptions options, ISurgeObserver observer)
{
    private static readonly TimeSpan VerifyTimeout = TimeSpan.FromMinutes(3);
    private readonly List<string> _notes = [];
    private string? _sqliteFile;

    /// <exception cref="SurgeSetupException">The silo could not be started or reached, or serves another city.</exception>
    public async Task<SurgeOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var o = options;
        var budget = TimeSpan.FromMinutes(8) + o.Duration + o.EffectiveDrain + o.Grace + VerifyTimeout
            + (o.Baselines ? o.PgbenchDuration + TimeSpan.FromMinutes(1) : TimeSpan.Zero)
            + (o.IdleAge is { } idle ? idle * 2 + TimeSpan.FromSeconds(10) : TimeSpan.Zero)
            + (o.Chaos == ChaosMode.Kill ? o.ChaosDown + SiloProcess.StartTimeout : TimeSpan.Zero);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        run.CancelAfter(budget);
        var ct = run.Token;

        Directory.CreateDirectory(o.ReportDirectory);
        var (city, cityFile) = o.City.Materialise(o.Seed, o.ReportDirectory);
        observer.Phase($"City {city.City.Name} ({city.City.Id}): {city.Centers.Count(c => c.Level == CenterLevel.Township):N0} townships, {city.Grids.Count:N0} grids, {city.Departments.Count:N0} departments.");

        ThrowawayPostgres? postgres = null;
        var silos = new List<SiloProcess>();
        try
        {
            string? pgConnection = o.Postgres;
            string store;
            IReadOnlyList<Uri> baseUrls;
            if (o.Start is { } kind)
            {
                var dll = await SiloLocator.LocateAsync(o.SiloDll, observer.Phase, ct);
                var env = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["City__File"] = cityFile,
                    ["Auth__DevTokens"] = "true",
                    ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    ["Logging__LogLevel__Default"] = "Warning",
                    ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                    // The surge measures the engine, not the rate limiter, and one admin answers for every department:
                    // raise its per-principal limit far above any surge (--silo-env can set it back).
                    ["RateLimit__PermitsPerPeriod"] = "100000",
                    ["RateLimit__Burst"] = "200000",
                };
                if (kind == StoreKind.Postgres)
                {
                    if (pgConnection is null)
                    {
                        observer.Phase("Starting a throwaway PostgreSQL cluster ...");
                        postgres = await ThrowawayPostgres.StartAsync(observer.Phase, ct);
                        pgConnection = await postgres.CreateDatabaseAsync("dispatch_surge", ct);
                    }
                    env["Storage__Provider"] = "postgres";
                    // Each silo's Npgsql pool may grow to Maximum Pool Size (100 by default): several silos share the
                    // server's max_connections (200 on a throwaway cluster), so each gets its part.
                    env["Storage__ConnectionString"] = o.Silos == 1 ? pgConnection
                        : new Npgsql.NpgsqlConnectionStringBuilder(pgConnection) { MaxPoolSize = Math.Max(20, 180 / o.Silos) }.ConnectionString;
                    store = "postgres";
                }
                else
                {
                    var dbDir = Path.Combine(o.ReportDirectory, "silo-data");
                    Directory.CreateDirectory(dbDir);
                    foreach (var f in Directory.GetFiles(dbDir, "dispatch.db*")) File.Delete(f);
                    env["Storage__Provider"] = "sqlite";
                    env["Storage__ConnectionString"] = Path.Combine(dbDir, "dispatch.db");
                    store = "sqlite";
                }
                if (o.IdleAge is { } age)
                {
                    env["Engine__IdleDeactivation"] = age.ToString("c", CultureInfo.InvariantCulture);
                }
                foreach (var (k, v) in o.SiloEnvironment) env[k] = v;
                // Several silos start together (they join one another through the membership table) and share one key.
                var launches = Enumerable.Range(1, o.Silos).Select(i => Launch(dll, env, o.Silos == 1 ? "silo.log" : $"silo-{i}.log")).ToList();
                observer.Phase($"Starting {(o.Silos == 1 ? "the silo" : $"{o.Silos} silos")} ({dll}) on {string.Join(", ", launches.Select(l => $"127.0.0.1:{l.Port}"))} with {store} ...");
                var started = launches.Select(l => SiloProcess.StartAsync(l, ct)).ToList();
                try
                {
                    await Task.WhenAll(started);
                }
                finally
                {
                    silos.AddRange(started.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
                }
                baseUrls = silos.Select(s => s.BaseUrl).ToList();
                observer.Phase($"Silo{(silos.Count == 1 ? "" : "s")} up (pid {string.Join(", ", silos.Select(s => s.Pid))}).");
            }
            else
            {
                baseUrls = o.Urls;
                store = pgConnection is null ? "as configured in the silo" : "postgres";
            }
            var postmaster = postgres is null ? null : Path.Combine(postgres.RootDirectory, "data", "postmaster.pid");
            _sqliteFile = o.Start == StoreKind.Sqlite ? Path.Combine(o.ReportDirectory, "silo-data", "dispatch.db") : null;
            return await SurgeAsync(city, baseUrls, store, silos, pgConnection, postmaster, ct);
        }
        finally
        {
            if (silos.Count > 0)
            {
                observer.Phase(silos.Count == 1 ? "Stopping the silo ..." : "Stopping the silos ...");
                await Task.WhenAll(silos.Select(s => s.DisposeAsync().AsTask()));
            }
            if (postgres is not null) await postgres.DisposeAsync();
        }
    }

    /// <summary>One silo's launch: a free loopback port for HTTP, the silo and the gateway, and its log file.</summary>
    private SiloLaunch Launch(string dll, Dictionary<string, string> shared, string logFile)
    {
        var env = new Dictionary<string, string>(shared, StringComparer.Ordinal);
        var port = SiloProcess.FreeLoopbackPort();
        env["Urls"] = $"http://127.0.0.1:{port}";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["Cluster__SiloPort"] = SiloProcess.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
        env["Cluster__GatewayPort"] = SiloProcess.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
        return new SiloLaunch(dll, port, env, Path.Combine(options.ReportDirectory, logFile));
    }

    private async Task<SurgeOutcome> SurgeAsync(CityModel city, IReadOnlyList<Uri> baseUrls, string store, IReadOnlyList<SiloProcess> silos,
        string? pgConnection, string? postmasterPidFile, CancellationToken ct)
    {
        var o = options;
        using var api = new DispatchApiClient(baseUrls, o.Concurrency + o.BotConcurrency + 8, TimeSpan.FromSeconds(30));
        if (!await api.IsHealthyAsync(ct)) throw new SurgeSetupException($"/health of {string.Join(", ", baseUrls)} does not answer 200 on every one: are the silos running?");
        var tokens = new TokenCache(api);
        var admin = await tokens.AdminAsync(ct);
        var cityStatus = await api.CenterStatusAsync(admin, city.City.Id, ct);
        if (cityStatus != 200)
            throw new SurgeSetupException($"The silo does not serve city '{city.City.Id}' (GET /api/v1/org/centers/{city.City.Id} answered {cityStatus}); give the city file it runs on with --city.");

        IReadOnlyList<int> SiloPids() => silos.Count > 0
            ? silos.Select(s => s.Pid).OfType<int>().ToList()
            : o.SiloPid is { } pid ? [pid] : [];
        var baselines = await BaselinesAsync(store, pgConnection, ct);

        var plans = SurgePlanner.Whistles(o, city);
        var silent = SurgePlanner.SilentDepartments(city, o.SilentShare, o.Seed);
        observer.Phase($"Getting commissioner tokens for {plans.Select(p => p.TownshipId).Distinct().Count()} townships ...");
        await Parallel.ForEachAsync(plans.Select(p => p.TownshipId).Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (t, c) => await tokens.CommissionerAsync(t, c));

        if (o.Warmup > 0)
        {
            observer.Phase($"Warm-up: {o.Warmup} whistles, four at a time (not measured) ...");
            var warm = SurgePlanner.Whistles(o with { Whistles = o.Warmup, Seed = o.Seed + 2 }, city);
            var warmed = await WarmUp.RunAsync(api, tokens, warm, ct);
            if (warmed < o.Warmup) _notes.Add($"Only {warmed} of {o.Warmup} warm-up whistles were accepted.");
        }

        var loadBefore = LoadAverage();
        var clock = new RunClock();
        var log = new SurgeLog();
        using var stopSampler = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopListener = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopBots = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var groups = new List<SampledProcess>
        {
            new(SurgeReportBuilder.SiloProcess, SiloPids),
            new(SurgeReportBuilder.LoadTesterProcess, () => [Environment.ProcessId]),
        };
        if (postmasterPidFile is not null)
            groups.Add(new(SurgeReportBuilder.PostgresProcess, () => PostmasterPid(postmasterPidFile) is { } pm ? ProcessSampler.SelfAndChildren(pm) : []));
        var sampling = OperatingSystem.IsLinux()
            ? new ProcessSampler(groups, o.SampleInterval, clock, log).RunAsync(stopSampler.Token)
            : Task.CompletedTask;
        var bots = new DepartmentBots(api, admin, o.AckDelay, o.ArriveDelay, silent, o.BotConcurrency, o.Seed + 1, clock, log, stopBots.Token);
        using var listener = new LiveListener(api, admin, city.City.Id, clock, log, bots.Notice);
        var listening = listener.RunAsync(stopListener.Token);
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            connectTimeout.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await listener.Connected.WaitAsync(connectTimeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new SurgeSetupException($"The live channel (GET /api/v1/stream?scope={city.City.Id}) did not connect within 30 s.");
            }
        }

        long? RssNow()
        {
            var rss = SiloPids().Select(ProcStat.ReadRssBytes).ToList();
            return rss.Count == 0 || rss.Any(r => r is null) ? null : rss.Sum();
        }
        var rssBefore = RssNow();
        var heapBefore = o.IdleAge is not null ? await api.CollectedHeapAsync(admin, ct) : null;
        var writesBefore = pgConnection is null ? null : await PostgresRowWrites.ReadAsync(pgConnection, ct);

        observer.Phase($"Surge: {o.Whistles:N0} whistles over {o.Duration.TotalSeconds:0.#} s ({o.Arrivals}), {silent.Count} silent departments, ackWithin {Describe(o.AckWithin)}, arriveWithin {Describe(o.ArriveWithin)}.");
        var startMs = clock.NowMs + 100;
        var chaosAtMs = startMs + o.ChaosAt * o.Duration.TotalMilliseconds;
        var chaos = o.Chaos != ChaosMode.Kill || silos.Count == 0 ? Task.CompletedTask
            : silos.Count == 1 ? ChaosAsync(silos[0], clock, log, chaosAtMs, ct)
            : new FailoverProbe(api, admin, clock, log, o.ChaosDown, o.Seed).RunAsync(silos[^1], chaosAtMs, _notes, ct);
        giveUp.CancelAfter(o.Duration + o.EffectiveDrain + (o.Chaos == ChaosMode.Kill ? o.ChaosDown + SiloProcess.StartTimeout : TimeSpan.Zero));
        var generator = new WhistleGenerator(api, tokens, o.AckWithin, o.ArriveWithin, o.Concurrency, clock, log, bots.Notice);

        double lastSend = 0;
        async Task SurgeAndDrainAsync()
        {
            log.Counters.Stage = "surge";
            lastSend = await generator.RunAsync(plans, startMs, giveUp.Token);
            await chaos;
            log.Counters.Stage = $"drain ({o.EffectiveDrain.TotalSeconds:0} s)";
            await Task.Delay(o.EffectiveDrain, ct);
            log.Counters.Stage = $"grace ({o.Grace.TotalSeconds:0} s)";
            await stopBots.CancelAsync();
            await bots.WhenAllAsync();
            await Task.Delay(o.Grace, ct);
        }
        await observer.WatchAsync(log.Counters, o.Whistles, SurgeAndDrainAsync());
        var rssAfterDrain = RssNow();
        var writesAfter = pgConnection is null ? null : await PostgresRowWrites.ReadAsync(pgConnection, ct);
        var writeSeconds = (clock.NowMs - startMs) / 1000;
        await stopListener.CancelAsync();
        await listening;

        var caseIds = log.Snapshot(clock.StartedAt, lastSend, clock.NowInstant, silent).Whistles
            .Where(w => w.CaseId is not null).Select(w => w.CaseId!).Distinct().ToList();
        observer.Phase($"Reading {caseIds.Count:N0} cases back from the store ...");
        var verifiedAt = clock.NowInstant;
        using (var verifyTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            verifyTimeout.CancelAfter(VerifyTimeout);
            await StoreVerifier.VerifyAsync(api, admin, caseIds, Math.Min(o.Concurrency, 32), log, verifyTimeout.Token);
        }

        long? rssAfterIdle = null;
        HeapDto? heapAfterIdle = null;
        if (o.IdleAge is { } idleAge && silos.Count > 0)
        {
            var wait = idleAge + CollectionInterval(idleAge) * 2 + TimeSpan.FromSeconds(2);
            observer.Phase($"Waiting {wait.TotalSeconds:0} s for the silo to deactivate idle cases ...");
            await Task.Delay(wait, ct);
            rssAfterIdle = RssNow();
            heapAfterIdle = await api.CollectedHeapAsync(admin, ct);
        }
        await stopSampler.CancelAsync();
        await sampling;
        if (loadBefore is not null)
            _notes.Add($"Machine load average (1 min) before the surge {loadBefore}, after it {LoadAverage()}, on {Environment.ProcessorCount} cores: anything above what the silo, PostgreSQL and the load tester explain was other work on the machine.");

        var footprint = pgConnection is not null || _sqliteFile is not null
            ? await StoreFootprint.ReadAsync(pgConnection, _sqliteFile, ct)
            : [];
        var observations = log.Snapshot(clock.StartedAt, lastSend, verifiedAt, silent);
        var findings = SurgeAnalyzer.Analyze(observations);
        var sampled = observations.Resources.Any(r => r.Process == SurgeReportBuilder.SiloProcess);
        var marks = new ResourceMarks(sampled,
            sampled ? ResourceNote(silos.Count > 0) : "no silo process to sample: pass --silo-pid with --url (Linux /proc).",
            rssBefore, rssAfterDrain, rssAfterIdle, heapBefore?.ManagedHeapBytes, heapAfterIdle?.ManagedHeapBytes, heapAfterIdle?.Activations);
        AddNotes(observations, findings);
        var run = RunInfo(city, baseUrls, store);
        var report = SurgeReportBuilder.Build(run, observations, findings, baselines, marks, _notes);
        var writes = writesBefore is { } c0 && writesAfter is { } c1 ? c1 - c0 : (long?)null;
        report = report with
        {
            Baselines = SurgeReportBuilder.WithRatios(baselines, report.AcceptedPerSecond, report.ApiRequestsPerSecond) with
            {
                EngineRowWritesPerSecond = writes / writeSeconds,
                EngineRowWritesPerWhistle = report.Counts.Accepted > 0 ? (double?)writes / report.Counts.Accepted : null,
            },
            Store = footprint,
        };

        var json = Path.Combine(o.ReportDirectory, "surge-report.json");
        var html = Path.Combine(o.ReportDirectory, "surge-report.html");
        await File.WriteAllTextAsync(json, JsonReportWriter.Render(report), CancellationToken.None);
        await File.WriteAllTextAsync(html, HtmlReportWriter.Render(report), CancellationToken.None);
        return new SurgeOutcome(report, json, html);
    }

    private async Task<BaselineResults> BaselinesAsync(string store, string? pgConnection, CancellationToken ct)
    {
        if (!options.Baselines)
            return new BaselineResults(null, "baselines off (--no-baselines)", null, "baselines off (--no-baselines)", null, null);
        observer.Phase("Baseline: raw grain calls (3 s, in this process) ...");
        var grains = await GrainCallBaseline.RunAsync(TimeSpan.FromSeconds(3), 100, ct);
        BaselineFigure pg;
        if (pgConnection is not null)
        {
            observer.Phase($"Baseline: pgbench on the silo's PostgreSQL ({options.PgbenchDuration.TotalSeconds:0} s) ...");
            pg = await PgBenchBaseline.RunAsync(pgConnection, options.PgbenchDuration, options.PgbenchClients, options.ReportDirectory, ct);
        }
        else
        {
            pg = new BaselineFigure(null, store == "sqlite"
                ? "the store is SQLite: no PostgreSQL to compare with"
                : "no PostgreSQL connection string: pass --postgres with --url to run pgbench on the silo's database");
        }
        return new BaselineResults(pg.PerSecond, pg.Note, grains.PerSecond, grains.Note, null, null);
    }

    private async Task ChaosAsync(SiloProcess silo, RunClock clock, SurgeLog log, double atMs, CancellationToken ct)
    {
        await Task.Delay(clock.Until(atMs), ct);
        log.Counters.Stage = "surge: silo killed";
        var killedMs = clock.NowMs;
        var killedAt = clock.NowInstant;
        await silo.KillAsync();
        await Task.Delay(options.ChaosDown, ct);
        log.Counters.Stage = "surge: silo restarting";
        try
        {
            await silo.RestartAsync(ct);
            log.Add(new Outage(killedMs, killedAt, clock.NowMs, clock.NowInstant));
            log.Counters.Stage = "surge (silo restarted)";
        }
        catch (SurgeSetupException e)
        {
            log.Add(new Outage(killedMs, killedAt, null, null));
            _notes.Add($"The silo did not come back after the kill: {e.Message}");
        }
    }

    private void AddNotes(SurgeObservations o, SurgeFindings f)
    {
        if (f.Counts.Retried > 0)
            _notes.Add($"{f.Counts.Retried} whistles were answered only after a failed attempt (silo unavailable); their latencies are those of the answered attempt.");
        foreach (var g in o.ListenerGaps)
            _notes.Add($"The live listener was disconnected from {g.FromMs / 1000:0.0} s to {(g.ToMs is { } t ? $"{t / 1000:0.0} s" : "the end")} ({g.Reason}); summonses issued meanwhile were found in the store instead.");
        var unread = o.StoredCases.Count(c => c.Error is not null);
        if (unread > 0) _notes.Add($"{unread} cases could not be read back: {o.StoredCases.First(c => c.Error is not null).Error}");
        var failures = o.Whistles.Where(w => w.Error is not null).GroupBy(w => w.Error!.Split(':')[0]).Select(g => $"{g.Count()} × {g.First().Error}").Take(5);
        foreach (var failure in failures) _notes.Add($"Failed whistles: {failure}");
        _notes.Add("The load tester runs on the same machine as the silo (and PostgreSQL) and competes for the same cores; its own CPU and memory are charted beside the silo's.");
    }

    private static string ResourceNote(bool started) =>
        started
            ? "Memory per open case = (silo RSS after the drain − RSS before the surge) ÷ cases left open; RSS includes the .NET heap's free space, so this is an upper bound."
            : "Sampled from /proc of --silo-pid.";

    private RunInfo RunInfo(CityModel city, IReadOnlyList<Uri> baseUrls, string store)
    {
        var o = options;
        return new RunInfo(
            DateTimeOffset.UtcNow,
            string.Join(",", baseUrls),
            store,
            new CityInfo(o.City.ToString(), city.City.Id, city.City.Name, city.Centers.Count(c => c.Level == CenterLevel.County),
                city.Centers.Count(c => c.Level == CenterLevel.Township), city.Grids.Count, city.Departments.Count),
            o.Whistles,
            o.Warmup,
            o.Duration.TotalSeconds,
            o.Arrivals.ToString().ToLowerInvariant(),
            o.CategoryMix.Describe(c => SurgeOptionsParser.CategoryNames.First(p => p.Value == c).Key),
            o.RiskMix.Describe(r => SurgeOptionsParser.RiskNames.First(p => p.Value == r).Key),
            Describe(o.AckWithin),
            Describe(o.ArriveWithin),
            o.AckDelay.Describe(),
            o.ArriveDelay.Describe(),
            o.SilentShare,
            o.Seed,
            o.Chaos != ChaosMode.Kill ? "none"
                : o.Silos > 1 ? $"kill -9 of one of {o.Silos} silos at {o.ChaosAt:P0} of the surge (failover to the others), restarted after {o.ChaosDown.TotalSeconds:0.#} s"
                : $"kill -9 at {o.ChaosAt:P0} of the surge, down {o.ChaosDown.TotalSeconds:0.#} s",
            o.Concurrency,
            o.BotConcurrency,
            o.EffectiveDrain.TotalSeconds,
            o.Grace.TotalSeconds,
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            o.CommandLine);
    }

    /// <summary>The 1-minute load average from /proc/loadavg, or null.</summary>
    private static string? LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The first line of PostgreSQL's postmaster.pid.</summary>
    private static int? PostmasterPid(string file)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return int.TryParse(reader.ReadLine(), out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static TimeSpan CollectionInterval(TimeSpan idleAge) =>
        TimeSpan.FromSeconds(Math.Max(1, Math.Round(idleAge.TotalSeconds / 2)));

    private static string Describe(TimeSpan? within) => within is { } w ? $"{w.TotalSeconds:0.###} s" : "policy";
}
