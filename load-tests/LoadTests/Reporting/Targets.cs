using System.Globalization;
using Dispatch.LoadTests.Analysis;

namespace Dispatch.LoadTests.Reporting;

/// <summary>The targets of issue 5 (measured by the simulator, not timed tests) and how the run compares.</summary>
public static class Targets
{
    public const int Whistles = 10_000;
    public const double Seconds = 60;
    public const double WhistlesPerSecond = Whistles / Seconds;
    public const int MinSummonses = 3;
    public const int MaxSummonses = 6;
    public const double WhistleAcceptedP99Ms = 20;
    public const double SummonsVisibleP99Ms = 100;
    public const double EscalationLatenessP99Ms = 1_000;
    public const double BytesPerIdleOpenCase = 4_096;

    public static IReadOnlyList<TargetCheck> Check(SurgeReport r)
    {
        var list = new List<TargetCheck>();
        var offered = r.OfferedPerSecond;
        list.Add(AtLeast("throughput (whistles accepted per second)", WhistlesPerSecond, r.AcceptedPerSecond, "/s",
            $"10,000 in 60 s = {F(WhistlesPerSecond)}/s",
            offered + 1e-9 < WhistlesPerSecond ? $"this run offered only {F(offered)}/s" : null));

        var spread = r.SummonsesPerWhistle;
        if (r.Counts.Accepted == 0)
            list.Add(new TargetCheck("summonses per whistle", "3–6", "no whistle accepted", null, null, null));
        else
        {
            var met = spread.Min >= MinSummonses && spread.Max <= MaxSummonses;
            double? miss = met ? 0 : spread.Min < MinSummonses
                ? (MinSummonses - spread.Min) * 100.0 / MinSummonses
                : (spread.Max - MaxSummonses) * 100.0 / MaxSummonses;
            list.Add(new TargetCheck("summonses per whistle", "3–6", $"{spread.Min}–{spread.Max} (mean {spread.Mean:0.00})", met, miss, null));
        }
        list.Add(AtMost("p99 whistle accepted", WhistleAcceptedP99Ms, r.Latencies.GetValueOrDefault(SurgeFindings.WhistleAccepted), "ms"));
        list.Add(AtMost("p99 summons visible on the live channel", SummonsVisibleP99Ms, r.Latencies.GetValueOrDefault(SurgeFindings.SummonsVisible), "ms"));
        list.Add(AtMost("p99 escalation lateness", EscalationLatenessP99Ms, r.EscalationLateness, "ms",
            r.OutageEscalationLateness.Count > 0 ? $"{r.OutageEscalationLateness.Count} deadlines due while the silo was down are reported apart" : null));
        list.Add(Zero("lost", r.Counts.Lost));
        list.Add(Zero("duplicated", r.Counts.Duplicated));

        var res = r.Resources;
        var perCase = res.MemoryPerIdleOpenCaseBytes ?? res.MemoryPerOpenCaseBytes;
        if (perCase is not { } bytes)
            list.Add(new TargetCheck("memory per idle open case", "≤ 4 KB", "not measured", null, null,
                res.Sampled ? "the silo's resident memory did not grow over the surge (a garbage collection returned memory), so there is nothing to divide among the cases" : res.Note));
        else
        {
            var note = res.MemoryPerIdleOpenCaseBytes is null
                ? "measured with the cases still activated (no --idle-age), an upper bound of the idle figure"
                : "after idle activations were deactivated (--idle-age)";
            list.Add(new TargetCheck("memory per idle open case", "≤ 4 KB", $"{bytes / 1024:0.##} KB", bytes <= BytesPerIdleOpenCase,
                Miss(bytes, BytesPerIdleOpenCase, upper: true), note));
        }
        return list;
    }

    private static TargetCheck AtMost(string name, double limit, LatencySummary? s, string unit, string? note = null)
    {
        if (s is null || s.Count == 0) return new TargetCheck(name, $"≤ {F(limit)} {unit}", "no samples", null, null, note);
        return new TargetCheck(name, $"≤ {F(limit)} {unit}", $"{F(s.P99)} {unit}", s.P99 <= limit, Miss(s.P99, limit, upper: true), note);
    }

    private static TargetCheck AtLeast(string name, double limit, double value, string unit, string target, string? note) =>
        new(name, $"≥ {target}", $"{F(value)}{unit}", value + 1e-9 >= limit, Miss(value, limit, upper: false), note);

    private static TargetCheck Zero(string name, int count) =>
        new(name, "0", count.ToString(CultureInfo.InvariantCulture), count == 0, null, null);

    /// <summary>How far past the limit, in per cent of the limit; 0 when met.</summary>
    public static double Miss(double value, double limit, bool upper)
    {
        var over = upper ? value - limit : limit - value;
        return over <= 0 || limit == 0 ? 0 : over * 100 / limit;
    }

    private static string F(double value) => value.ToString(value >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture);
}
