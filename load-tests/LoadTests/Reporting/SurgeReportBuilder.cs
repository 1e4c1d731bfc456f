using Dispatch.LoadTests.Analysis;
using Dispatch.LoadTests.Observations;

namespace Dispatch.LoadTests.Reporting;

/// <summary>Puts the run description, observations, findings, baselines and resource marks into a <see cref="SurgeReport"/>.</summary>
public static class SurgeReportBuilder
{
    /// <summary>How many lost whistles, duplicates and missed deadlines the report lists (all are counted).</summary>
    public const int MaxListed = 100;

    public const string SiloProcess = "silo";
    public const string LoadTesterProcess = "load-tester";

    /// <summary>The PostgreSQL server the simulator started: the postmaster and its backends (CPU only is meaningful; RSS double-counts shared buffers).</summary>
    public const string PostgresProcess = "postgres";

    private static readonly (string Label, double UpTo)[] LatenessBuckets =
    [
        ("≤ 100 ms", 100), ("≤ 250 ms", 250), ("≤ 500 ms", 500), ("≤ 1 s", 1_000), ("≤ 2 s", 2_000), ("≤ 5 s", 5_000),
        ("> 5 s", double.PositiveInfinity),
    ];

    public static SurgeReport Build(RunInfo run, SurgeObservations o, SurgeFindings f, BaselineResults baselines,
        ResourceMarks marks, IReadOnlyList<string> notes)
    {
        var firstSend = o.Whistles.Where(w => w.CaseSentMs is not null).Select(w => w.CaseSentMs!.Value).DefaultIfEmpty(0).Min();
        var lastDone = o.Whistles.Where(w => w.Accepted).Select(w => w.WhistleDoneMs!.Value).DefaultIfEmpty(0).Max();
        var acceptedWindow = Math.Max((lastDone - firstSend) / 1000, 1e-3);
        var sendWindow = Math.Max(o.LastSendMs / 1000, run.Seconds);
        var requests = o.Whistles.Count(w => w.CaseDoneMs is not null) + o.Whistles.Count(w => w.WhistleDoneMs is not null)
            + o.BotActions.Count(a => a.DoneMs is not null);

        var report = new SurgeReport
        {
            Run = run,
            Passed = f.Passed,
            Counts = f.Counts,
            OfferedPerSecond = o.Whistles.Count / run.Seconds,
            AcceptedPerSecond = f.Counts.Accepted == 0 ? 0 : f.Counts.Accepted / acceptedWindow,
            ApiRequestsPerSecond = requests / sendWindow,
            Latencies = f.Latencies.ToDictionary(p => p.Key, p => LatencySummary.Of(p.Value)),
            EscalationLateness = LatencySummary.Of(f.EscalationLateness),
            OutageEscalationLateness = LatencySummary.Of(f.OutageEscalationLateness),
            LatenessHistogram = Histogram(f.EscalationLateness),
            SummonsesPerWhistle = f.SummonsesPerWhistle,
            Resources = Resources(o, marks, f.Counts.Accepted),
            Baselines = baselines,
            Outages = f.Outages,
            Targets = [],
            PerSecond = PerSecond(o),
            Lost = f.Lost.Take(MaxListed).ToList(),
            Duplicates = f.Duplicates.Take(MaxListed).ToList(),
            MissedDeadlines = f.MissedDeadlines.Take(MaxListed).ToList(),
            Notes = notes,
        };
        return report with { Targets = Targets.Check(report) };
    }

    /// <summary>The engine's figures as ratios to the baselines.</summary>
    public static BaselineResults WithRatios(BaselineResults b, double acceptedPerSecond, double apiRequestsPerSecond) => b with
    {
        WhistlesPerPgbenchTransaction = b.PgbenchTps is > 0 ? acceptedPerSecond / b.PgbenchTps : null,
        ApiRequestsPerGrainCall = b.GrainCallsPerSecond is > 0 ? apiRequestsPerSecond / b.GrainCallsPerSecond : null,
    };

    private static IReadOnlyList<HistogramBucket> Histogram(double[] sorted)
    {
        var result = new List<HistogramBucket>();
        var lower = double.NegativeInfinity;
        foreach (var (label, upTo) in LatenessBuckets)
        {
            var n = sorted.Count(v => v > lower && v <= upTo);
            result.Add(new HistogramBucket(label, upTo, n));
            lower = upTo;
        }
        return result;
    }

    private static ResourceSummary Resources(SurgeObservations o, ResourceMarks marks, int openCases)
    {
        var silo = o.Resources.Where(s => s.Process == SiloProcess).ToList();
        double? Mean(string process) =>
            o.Resources.Where(s => s.Process == process).Select(s => s.CpuPercent).DefaultIfEmpty(double.NaN).Average() is var m && double.IsNaN(m) ? null : m;
        // RSS that did not grow (a collection returned memory meanwhile) cannot be divided among the cases.
        double? PerCase(long? after) =>
            marks.RssBeforeSurge is { } before && after is { } a && openCases > 0 && a > before ? (double)(a - before) / openCases : null;
        return new ResourceSummary(
            marks.Sampled,
            marks.Note,
            o.Resources,
            silo.Count == 0 ? 0 : silo.Average(s => s.CpuPercent),
            silo.Count == 0 ? 0 : silo.Max(s => s.CpuPercent),
            Mean(LoadTesterProcess),
            Mean(PostgresProcess),
            silo.Count == 0 ? 0 : silo.Max(s => s.RssBytes),
            marks.RssBeforeSurge,
            marks.RssAfterDrain,
            marks.RssAfterIdle,
            openCases,
            PerCase(marks.RssAfterDrain),
            HeapPerCase() ?? PerCase(marks.RssAfterIdle))
        {
            HeapBeforeSurgeBytes = marks.HeapBeforeSurge,
            HeapAfterIdleBytes = marks.HeapAfterIdle,
            ActivationsAfterIdle = marks.ActivationsAfterIdle,
        };

        // The managed heap after full collections, before and once idle activations were collected: what open cases
        // cost while nobody works on them (their state is in the store, not in memory).
        double? HeapPerCase() => marks.HeapBeforeSurge is { } before && marks.HeapAfterIdle is { } after && openCases > 0
            ? Math.Max(0, (double)(after - before)) / openCases
            : null;
    }

    private static IReadOnlyList<SecondBucket> PerSecond(SurgeObservations o)
    {
        static int Second(double ms) => (int)Math.Floor(ms / 1000);
        var sent = o.Whistles.Where(w => w.CaseSentMs is not null).GroupBy(w => Second(w.CaseSentMs!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var accepted = o.Whistles.Where(w => w.Accepted).GroupBy(w => Second(w.WhistleDoneMs!.Value))
            .ToDictionary(g => g.Key, g => g.Select(w => w.WhistleDoneMs!.Value - w.WhistleSentMs!.Value).Order().ToArray());
        var live = o.LiveSummonses.Where(s => s.IsNew).GroupBy(s => Second(s.ReceivedMs)).ToDictionary(g => g.Key, g => g.Count());
        var escalations = o.LiveEscalations.GroupBy(e => Second(e.ReceivedMs)).ToDictionary(g => g.Key, g => g.Count());
        var keys = sent.Keys.Concat(accepted.Keys).Concat(live.Keys).Concat(escalations.Keys).ToList();
        if (keys.Count == 0) return [];
        return Enumerable.Range(0, keys.Max() + 1).Select(s => new SecondBucket(
            s,
            sent.GetValueOrDefault(s),
            accepted.TryGetValue(s, out var a) ? a.Length : 0,
            a is { Length: > 0 } ? Percentiles.Of(a, 0.99) : 0,
            live.GetValueOrDefault(s),
            escalations.GetValueOrDefault(s))).ToList();
    }
}
