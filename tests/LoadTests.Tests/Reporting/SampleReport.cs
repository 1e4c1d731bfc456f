using Dispatch.LoadTests.Analysis;
using Dispatch.LoadTests.Observations;
using Dispatch.LoadTests.Reporting;
using Dispatch.LoadTests.Tests.Analysis;

namespace Dispatch.LoadTests.Tests.Reporting;

/// <summary>A report built from a small synthetic run, through the same builder the runner uses.</summary>
internal static class SampleReport
{
    public static SurgeReport Create(string cityName = "测试市", bool lose = false, long rssAfterDrain = 230 << 20)
    {
        var run = new SyntheticRun();
        for (var i = 0; i < 20; i++)
        {
            var s = run.Whistle($"c{i}", i * 0.5, "pol", "jud", "med");
            run.SeeAllLive(lose && i == 3 ? s.Take(2) : s);
            run.Store($"c{i}", lose && i == 3 ? s.Take(2) : s);
        }
        run.Escalations.Add(new LiveEscalation("c1", "ack", "c1-s0", "c1-s3", "up", 1, SyntheticRun.At(15.5), SyntheticRun.At(15.9), 15_500));
        var o = run.Observations() with
        {
            Resources =
            [
                new ResourceSample(SurgeReportBuilder.SiloProcess, 4242, 0, 0, 200 << 20),
                new ResourceSample(SurgeReportBuilder.SiloProcess, 4242, 1_000, 85, 230 << 20),
                new ResourceSample(SurgeReportBuilder.LoadTesterProcess, 99, 1_000, 40, 90 << 20),
            ],
        };
        var f = SurgeAnalyzer.Analyze(o);
        var info = new RunInfo(DateTimeOffset.Parse("2026-11-22T00:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
            "http://127.0.0.1:5000/", "sqlite", new CityInfo("city-test.json", "tc", cityName, 2, 5, 7, 74),
            20, 0, 10, "poisson", "neighbourDispute=100%", "blue=100%", "15 s", "60 s", "constant:2s", "constant:5s", 0.1, 1, "none",
            8, 64, 20, 5, 2, "Linux", ".NET 10", "dispatch-load surge --start sqlite");
        var baselines = new BaselineResults(1_500, "pgbench -n -T 10 -c 4", 900_000, "100 callers", null, null);
        var report = SurgeReportBuilder.Build(info, o, f, baselines, new ResourceMarks(true, "", 200 << 20, rssAfterDrain, null), ["a note <b>"]);
        return report with { Baselines = SurgeReportBuilder.WithRatios(baselines, report.AcceptedPerSecond, report.ApiRequestsPerSecond) };
    }
}
