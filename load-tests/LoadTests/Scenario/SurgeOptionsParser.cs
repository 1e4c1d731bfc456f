using System.Globalization;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.LoadTests.Distributions;
using Dispatch.Grains.Interfaces.Serialization;

namespace Dispatch.LoadTests.Scenario;

/// <summary>Checks <see cref="SurgeArguments"/> and turns them into <see cref="SurgeOptions"/>, collecting every error.</summary>
public static class SurgeOptionsParser
{
    /// <summary>Category names as the API spells them (camelCase).</summary>
    public static IReadOnlyDictionary<string, Category> CategoryNames { get; } =
        Enum.GetValues<Category>().ToDictionary(c => JsonNamingPolicy.CamelCase.ConvertName(c.ToString()), c => c);

    public static IReadOnlyDictionary<string, RiskColour> RiskNames { get; } =
        Enum.GetValues<RiskColour>().ToDictionary(c => JsonNamingPolicy.CamelCase.ConvertName(c.ToString()), c => c);

    /// <summary>Options, or null with at least one message in <paramref name="errors"/>.</summary>
    public static SurgeOptions? Parse(SurgeArguments a, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;

        T? Try<T>(Func<T> parse) where T : class
        {
            try { return parse(); }
            catch (FormatException e) { problems.Add(e.Message); return null; }
        }
        TimeSpan? TryDuration(string option, string text)
        {
            try { return ParseShortDuration(option, text); }
            catch (FormatException e) { problems.Add(e.Message); return null; }
        }

        CitySource? city = null;
        if (a.City is not null && a.Generate is not null) problems.Add("Give --city or --generate, not both.");
        else if (a.Generate is not null) city = Try(() => CitySource.ParseGenerate(a.Generate));
        else if (a.City is not null)
        {
            if (File.Exists(a.City)) city = CitySource.FromFile(a.City);
            else problems.Add($"--city: no such file: {a.City}");
        }
        else city = CitySource.Baotou;

        IReadOnlyList<Uri> urls = [];
        StoreKind? start = null;
        if ((a.Url is null) == (a.Start is null)) problems.Add("Give exactly one target: --url http://127.0.0.1:PORT[,http://127.0.0.1:PORT2…] (running silos) or --start sqlite|postgres.");
        else if (a.Url is not null) urls = Try(() => a.Url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(LoopbackUrl.Parse).Distinct().ToList()) ?? [];
        else if (Enum.TryParse<StoreKind>(a.Start, ignoreCase: true, out var kind) && !int.TryParse(a.Start, out _)) start = kind;
        else problems.Add($"--start: '{a.Start}' is not sqlite or postgres.");
        if (a.Url is not null && urls.Count == 0 && problems.Count == 0) problems.Add("--url names no silo.");
        if (a.Silos is < 1 or > 9) problems.Add("--silos must be 1 to 9.");
        else if (a.Silos > 1 && start != StoreKind.Postgres) problems.Add("--silos above 1 needs --start postgres: SQLite keeps one silo, and running silos are given with --url a,b,c.");

        if (a.SiloPid is not null && a.Url is null) problems.Add("--silo-pid is for --url; a started silo is sampled anyway.");
        if (a.SiloPid is <= 0) problems.Add("--silo-pid must be a process id.");
        if (a.SiloDll is not null && !File.Exists(a.SiloDll)) problems.Add($"--silo-dll: no such file: {a.SiloDll}");

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in a.SiloEnv)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) problems.Add($"--silo-env '{pair}' is not NAME=VALUE.");
            else environment[pair[..eq]] = pair[(eq + 1)..];
        }
        if (environment.Count > 0 && start is null && a.Start is null) problems.Add("--silo-env is for a silo started with --start.");

        if (a.Whistles is < 1 or > 1_000_000) problems.Add("--whistles must be 1 to 1,000,000.");
        if (a.Warmup is < 0 or > 100_000) problems.Add("--warmup must be 0 to 100,000.");
        if (!(a.Seconds > 0) || a.Seconds > 3_600) problems.Add("--seconds must be above 0 and at most 3600.");
        if (a.Concurrency is < 1 or > 1_024) problems.Add("--concurrency must be 1 to 1024.");
        if (a.BotConcurrency is < 1 or > 4_096) problems.Add("--bot-concurrency must be 1 to 4096.");
        if (!(a.SilentShare >= 0 && a.SilentShare <= 1)) problems.Add("--silent-share must be between 0 and 1.");

        ArrivalPattern arrivals = default;
        if (!Enum.TryParse(a.Arrivals, ignoreCase: true, out arrivals) || int.TryParse(a.Arrivals, out _))
            problems.Add($"--arrivals: '{a.Arrivals}' is not uniform or poisson.");

        var categoryMix = a.CategoryMix is null
            ? new WeightedMix<Category>(Enum.GetValues<Category>().Select(c => new KeyValuePair<Category, double>(c, 1)).ToList())
            : Try(() => MixParser.Parse(a.CategoryMix, CategoryNames, "category"));
        var riskMix = Try(() => MixParser.Parse(a.RiskMix, RiskNames, "risk"));

        var ackWithin = ParseWithin("--ack-within", a.AckWithin, problems);
        var arriveWithin = ParseWithin("--arrive-within", a.ArriveWithin, problems);
        var ackDelay = Try(() => WithOption("--ack-delay", () => DelayDistributionParser.Parse(a.AckDelay)));
        var arriveDelay = Try(() => WithOption("--arrive-delay", () => DelayDistributionParser.Parse(a.ArriveDelay)));

        ChaosMode chaos = default;
        if (!Enum.TryParse(a.Chaos, ignoreCase: true, out chaos) || int.TryParse(a.Chaos, out _))
            problems.Add($"--chaos: '{a.Chaos}' is not none or kill.");
        if (chaos == ChaosMode.Kill && start is null && a.Start is null)
            problems.Add("--chaos kill needs --start: the simulator can only kill (and restart) a silo it started.");
        if (!(a.ChaosAt > 0 && a.ChaosAt < 1)) problems.Add("--chaos-at is a share of --seconds, above 0 and below 1.");
        var chaosDown = TryDuration("--chaos-down", a.ChaosDown);
        var drain = a.Drain is null ? null : TryDuration("--drain", a.Drain);
        var grace = TryDuration("--grace", a.Grace);
        var pgbench = TryDuration("--pgbench-duration", a.PgbenchDuration);
        var idleAge = a.IdleAge is null ? null : TryDuration("--idle-age", a.IdleAge);
        if (idleAge is not null && start is null && a.Start is null) problems.Add("--idle-age is for a silo started with --start.");
        if (idleAge is { } idle && idle < TimeSpan.FromSeconds(1)) problems.Add("--idle-age must be at least 1s.");
        var sample = TryDuration("--sample-interval", a.SampleInterval);
        if (sample is { } s && s < TimeSpan.FromMilliseconds(100)) problems.Add("--sample-interval must be at least 100ms.");
        if (pgbench is { } p && p < TimeSpan.FromSeconds(1)) problems.Add("--pgbench-duration must be at least 1s.");
        if (drain is { } d && d > TimeSpan.FromMinutes(30)) problems.Add("--drain is at most 30m.");

        if (problems.Count > 0) return null;
        var report = a.Report ?? Path.Combine("load-tests", "reports", $"surge-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        return new SurgeOptions
        {
            City = city!,
            Urls = urls,
            Silos = a.Silos,
            Start = start,
            Postgres = a.Postgres,
            SiloDll = a.SiloDll is null ? null : Path.GetFullPath(a.SiloDll),
            SiloPid = a.SiloPid,
            SiloEnvironment = environment,
            Whistles = a.Whistles,
            Warmup = a.Warmup,
            Duration = TimeSpan.FromSeconds(a.Seconds),
            Arrivals = arrivals,
            CategoryMix = categoryMix!,
            RiskMix = riskMix!,
            AckWithin = ackWithin,
            ArriveWithin = arriveWithin,
            AckDelay = ackDelay!,
            ArriveDelay = arriveDelay!,
            SilentShare = a.SilentShare,
            Seed = a.Seed,
            ReportDirectory = Path.GetFullPath(report),
            Chaos = chaos,
            ChaosAt = a.ChaosAt,
            ChaosDown = chaosDown!.Value,
            Concurrency = a.Concurrency,
            BotConcurrency = a.BotConcurrency,
            Drain = drain,
            Grace = grace!.Value,
            Baselines = !a.NoBaselines,
            PgbenchDuration = pgbench!.Value,
            IdleAge = idleAge,
            SampleInterval = sample!.Value,
            Interactive = !a.NoProgress && !Console.IsOutputRedirected,
            CommandLine = a.CommandLine,
        };
    }

    /// <summary>"policy" (no override), an ISO-8601 duration ("PT30S") or a short one ("30s"); at least 1 s.</summary>
    /// <returns>The override, or null for "policy" and for an error (added to <paramref name="problems"/>).</returns>
    public static TimeSpan? ParseWithin(string option, string text, List<string> problems)
    {
        var trimmed = text.Trim();
        if (string.Equals(trimmed, "policy", StringComparison.OrdinalIgnoreCase)) return null;
        TimeSpan value;
        if (trimmed.StartsWith('P') && DurationJsonConverter.TryParse(trimmed, out var iso)) value = iso.ToTimeSpan();
        else
        {
            try { value = DurationText.Parse(trimmed); }
            catch (FormatException)
            {
                problems.Add($"{option}: '{text}' is not 'policy', an ISO-8601 duration (PT30S) or a short one (30s).");
                return null;
            }
        }
        if (value < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{option} must be at least 1s (the API's minimum).");
            return null;
        }
        return value;
    }

    private static TimeSpan ParseShortDuration(string option, string text) =>
        WithOption(option, () => DurationText.Parse(text));

    private static T WithOption<T>(string option, Func<T> parse)
    {
        try { return parse(); }
        catch (FormatException e) { throw new FormatException($"{option}: {e.Message}", e); }
    }

    /// <summary>The invariant-culture form of a share, for messages.</summary>
    public static string Share(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
