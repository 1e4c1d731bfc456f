using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.Tests.Domain.City;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Stats;

/// <summary>The figures with cases behind them: names, values, which count a case once, and the drill-down query's input.</summary>
public sealed class StatsMetricTests
{
    private static readonly LocalDate Today = new(2026, 11, 25);

    [Fact]
    public void Names_RoundTrip_AndAreThePageTileKeys()
    {
        Assert.Equal(["accepted", "resolved", "closed", "summoned", "acked-on-time", "escalations", "follow-ups", "reopened", "repeats"], StatsMetrics.Names);
        foreach (var metric in StatsMetrics.All)
        {
            Assert.True(StatsMetrics.TryParse(StatsMetrics.Name(metric), out var parsed));
            Assert.Equal(metric, parsed);
        }
        Assert.True(StatsMetrics.TryParse(" Follow-Ups ", out var trimmed));
        Assert.Equal(StatsMetric.FollowUps, trimmed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("completion-rate")]
    [InlineData("median-ack")]
    [InlineData("AckedOnTime")]
    public void TryParse_RateMedianOrUnknown_IsNoMetric(string? name)
    {
        Assert.False(StatsMetrics.TryParse(name, out var metric));
        Assert.Null(metric);
    }

    [Fact]
    public void ValueOf_ReadsEachCount()
    {
        var totals = StatsTotals.Empty with { Accepted = 1, Resolved = 2, Closed = 3, Summoned = 4, AckedOnTime = 5, Escalations = 6, FollowUps = 7, Reopened = 8, Repeats = 9 };
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], StatsMetrics.All.Select(m => StatsMetrics.ValueOf(totals, m)));
    }

    /// <summary>
    /// A case resolved, closed and followed up twice, escalated twice, summoned twice and reopened twice: over all its
    /// facts of one scope, the once-per-case figures count it once, the others more than once.
    /// </summary>
    [Fact]
    public void OncePerCase_HoldsForTheFactsOfACaseWithEverythingTwice()
    {
        static Instant At(int day, int hour) => Shanghai.At(2026, 11, day, hour, 0);
        var issued = At(23, 9);
        SummonsView Summons(string id, Instant at) => new(id, "C-1", "tc-a-t1-pol", SummonsState.FedBack, at, at + Duration.FromMinutes(30),
            at + Duration.FromHours(1), at + Duration.FromMinutes(5), null, 0, null, RiskColour.Blue, at + Duration.FromMinutes(50), null, 1);
        var timeline = new (Instant, string)[]
        {
            (At(23, 10), "escalated"), (At(23, 11), "resolved"), (At(23, 12), "closed"), (At(23, 13), "followedUp"), (At(23, 14), "reopened"),
            (At(24, 10), "escalated"), (At(24, 11), "resolved"), (At(24, 12), "closed"), (At(24, 13), "followedUp"), (At(25, 14), "reopened"),
        };
        var c = new CaseView("C-1", "tc-a-t1-g1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, Category.Other, CaseTier.General, RiskColour.Blue,
            CaseState.InProgress, CaseSource.Grid, "x", null, issued, null, null, null, null, 4, [Summons("C-1.S1", issued), Summons("C-1.S2", At(24, 9))],
            timeline.Select(t => new TimelineEntry(t.Item1, t.Item2, "system", null)).ToList(), 9) { RepeatOf = "C-0" };

        var facts = CaseStatsFacts.Of(c);

        foreach (var scope in new[] { "tc-a-t1", "tc-a-t1-pol" })
        {
            var counts = StatsMetrics.All.ToDictionary(m => m, m => facts.Where(f => f.Key.Scope == scope).Sum(f => StatsMetrics.ValueOf(f.Value, m)));
            foreach (var metric in StatsMetrics.All.Where(StatsMetrics.OncePerCase))
                Assert.True(counts[metric] == 1, $"{scope} {metric}: {counts[metric]}");
            Assert.Equal(2, counts[StatsMetric.Summoned]);
            Assert.Equal(2, counts[StatsMetric.AckedOnTime]);
            Assert.Equal(2, counts[StatsMetric.Reopened]);
        }
        Assert.Equal(2, facts.Where(f => f.Key.Scope == "tc-a-t1").Sum(f => f.Value.Escalations));
    }

    [Fact]
    public void CasesQuery_Defaults_AndParsesPaging()
    {
        Assert.True(StatsCasesQuery.TryParse("tc-a", "week", null, "escalations", null, null, TestCity.Model, Today, out var query, out var error));
        Assert.Null(error);
        Assert.Equal(new StatsCasesQuery(new StatsQuery("tc-a", StatsScopeKind.County, StatsPeriod.Week, Today), StatsMetric.Escalations, 1, 20), query);

        Assert.True(StatsCasesQuery.TryParse("tc-a", "day", "2026-11-23", "accepted", "3", "100", TestCity.Model, Today, out var paged, out _));
        Assert.Equal((3, 100), (paged.Page, paged.PageSize));
    }

    [Theory]
    [InlineData("nowhere", "day", "accepted", null, null, "scope")]
    [InlineData("tc-a", "year", "accepted", null, null, "period")]
    [InlineData("tc-a", "day", null, null, null, "metric")]
    [InlineData("tc-a", "day", "completion-rate", null, null, "metric")]
    [InlineData("tc-a", "day", "accepted", "0", null, "page")]
    [InlineData("tc-a", "day", "accepted", "1x", null, "page")]
    [InlineData("tc-a", "day", "accepted", "10001", null, "page")]
    [InlineData("tc-a", "day", "accepted", null, "101", "pageSize")]
    [InlineData("tc-a", "day", "accepted", null, "-1", "pageSize")]
    public void CasesQuery_BadInput_NamesTheField(string scope, string period, string? metric, string? page, string? pageSize, string field)
    {
        Assert.False(StatsCasesQuery.TryParse(scope, period, null, metric, page, pageSize, TestCity.Model, Today, out var query, out var error));
        Assert.Null(query);
        Assert.Equal(field, error.Field);
    }
}
