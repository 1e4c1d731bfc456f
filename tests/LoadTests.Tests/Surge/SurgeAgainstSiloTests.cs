using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.LoadTests.Distributions;
using Dispatch.LoadTests.Scenario;
using Dispatch.LoadTests.SiloHost;
using Dispatch.LoadTests.Surge;

namespace Dispatch.LoadTests.Tests.Surge;

/// <summary>A short surge against a real silo (a child process on SQLite with the small test city): nothing lost or duplicated.</summary>
public sealed class SurgeAgainstSiloTests
{
    [Fact]
    [Trait("Category", "Surge")]
    public async Task Surge_SmallCityOnSqlite_LosesAndDuplicatesNothing()
    {
        var report = Directory.CreateTempSubdirectory("surge-test-");
        var output = new StringWriter();
        try
        {
            var options = new SurgeOptions
            {
                City = CitySource.FromFile(Path.Combine(CityLoader.DataDirectory, "city-test.json")),
                Start = StoreKind.Sqlite,
                SiloDll = SiloDll(),
                Whistles = 30,
                Duration = TimeSpan.FromSeconds(3),
                CategoryMix = new WeightedMix<Category>([new(Category.NeighbourDispute, 2), new(Category.WageArrears, 1), new(Category.PublicSecurity, 1)]),
                RiskMix = new WeightedMix<RiskColour>([new(RiskColour.Blue, 1), new(RiskColour.Red, 1)]),
                AckWithin = TimeSpan.FromSeconds(2),
                ArriveWithin = TimeSpan.FromSeconds(8),
                AckDelay = DelayDistributionParser.Parse("lognormal:median=300ms,p99=1.5s"),
                ArriveDelay = DelayDistributionParser.Parse("500ms"),
                SilentShare = 0.2,
                Seed = 7,
                ReportDirectory = report.FullName,
                Concurrency = 8,
                Drain = TimeSpan.FromSeconds(6),
                Grace = TimeSpan.FromSeconds(1),
                Baselines = false,
                SampleInterval = TimeSpan.FromMilliseconds(500),
                Interactive = false,
            };

            var outcome = await new SurgeRunner(options, new QuietSurgeObserver(output)).RunAsync(CancellationToken.None);

            var r = outcome.Report;
            var why = $"report in {report.FullName}; log:\n{output}\nlost: {string.Join("; ", r.Lost.Select(l => l.Reason))}\n" +
                $"duplicates: {string.Join("; ", r.Duplicates.Select(d => $"{d.Kind} {d.Subject}"))}\n" +
                $"missed: {string.Join("; ", r.MissedDeadlines.Select(m => m.SummonsId))}\nnotes: {string.Join("; ", r.Notes)}";
            Assert.True(r.Counts.Accepted == 30, $"all 30 whistles should be accepted, not {r.Counts.Accepted}; {why}");
            Assert.True(r.Counts.Lost == 0, $"nothing should be lost; {why}");
            Assert.True(r.Counts.Duplicated == 0, $"nothing should be duplicated; {why}");
            Assert.True(r.Counts.DeadlinesMissed == 0, $"every deadline should fire; {why}");
            Assert.True(r.Counts.SeenLive > 0 && r.Counts.Acknowledged > 0 && r.Counts.Escalated > 0,
                $"summonses should be seen live ({r.Counts.SeenLive}), acknowledged ({r.Counts.Acknowledged}) and, for silent departments, escalated ({r.Counts.Escalated}); {why}");
            Assert.Equal(0, outcome.ExitCode);
            Assert.True(File.Exists(outcome.HtmlFile) && File.Exists(outcome.JsonFile));
            Assert.True(r.Resources.Sampled, "the started silo's CPU and memory should be sampled");
            Assert.Contains(r.Store, s => s.Rows >= 30); // at least the 30 cases' rows, read from the SQLite file
        }
        finally
        {
            try { report.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The silo built with this test project's configuration (it is a build dependency of the project).</summary>
    private static string SiloDll()
    {
        var root = SiloLocator.RepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Dispatch.sln not found above the test binaries.");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var dll = Path.Combine(root, "Silo", "bin", configuration, "net10.0", SiloLocator.DllName);
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The silo is not built at {dll}.");
    }
}
