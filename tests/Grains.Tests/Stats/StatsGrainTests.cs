using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.ReadModels;
using Dispatch.Grains.Tests.Engine;
using Dispatch.Silo.ReadModels;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Dispatch.Grains.Tests.Stats;

/// <summary>The statistics projection against a recount from the cases themselves, over one scripted run.</summary>
public sealed class StatsGrainTests(StatsRun run) : IClassFixture<StatsRun>
{
    private static IEnumerable<(StatsPeriod Period, LocalDate At)> PeriodsOfTheRun()
    {
        for (var d = StatsRun.FirstDay; d <= StatsRun.LastDay; d = d.PlusDays(1))
        {
            yield return (StatsPeriod.Day, d);
            if (d == StatsRun.FirstDay || d.DayOfWeek == IsoDayOfWeek.Monday) yield return (StatsPeriod.Week, d);
            if (d == StatsRun.FirstDay || d.Day == 1) yield return (StatsPeriod.Month, d);
            if (d == StatsRun.FirstDay || d is { Day: 1, Month: 1 or 4 or 7 or 10 }) yield return (StatsPeriod.Quarter, d);
        }
    }

    private static IEnumerable<string> AllScopes()
    {
        var city = EngineSilo.City;
        return city.Centers.Where(c => c.Level != CenterLevel.Village).Select(c => c.Id).Concat(city.Departments.Select(d => d.Id));
    }

    [Fact]
    public async Task Get_EveryScopeAndPeriodOfTheRun_EqualsRecountFromCases()
    {
        var checks = AllScopes().SelectMany(scope => PeriodsOfTheRun().Select(p => (scope, p.Period, p.At))).ToList();
        var mismatches = new List<string>();
        foreach (var batch in checks.Chunk(200))
        {
            var results = await Task.WhenAll(batch.Select(async c =>
            {
                var actual = await run.Engine.Stats.GetAsync(c.scope, c.Period, c.At);
                var dates = StatsPeriods.Range(c.Period, c.At);
                var expected = StatsRecount.Of(run.Views, EngineSilo.City, c.scope, c.Period, dates.Start, dates.End);
                return expected == actual ? null : $"expected {expected}\n  actual {actual}";
            }));
            mismatches.AddRange(results.OfType<string>());
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {checks.Count} differ from the recount:\n" + string.Join("\n", mismatches.Take(5)));
        var city = await run.Engine.Stats.GetAsync("tc", StatsPeriod.Quarter, StatsRun.FirstDay);
        Assert.True(city is { Accepted: > 5, Summoned: > 5, Escalations: > 5, FollowUps: 3, Resolved: 5 }, $"the run is not the one scripted: {city}");
    }

    [Fact]
    public async Task Get_CasesAt2359AndAt0001_CountInTheirOwnLocalDays()
    {
        var monday = await run.Engine.Stats.GetAsync("tc-a-t1", StatsPeriod.Day, new LocalDate(2026, 11, 23));
        var tuesday = await run.Engine.Stats.GetAsync("tc-a-t1", StatsPeriod.Day, new LocalDate(2026, 11, 24));
        var mediationMonday = await run.Engine.Stats.GetAsync("tc-a-t1-med", StatsPeriod.Day, new LocalDate(2026, 11, 23));

        Assert.Equal(2, monday.Accepted); // A1 at 09:00 and D1 at 23:59
        Assert.Equal(1, tuesday.Accepted); // E1 at 00:01
        // D1's summons was issued Monday 23:59 and acknowledged Tuesday 00:05: it counts on Monday, with 6 minutes.
        Assert.Equal((1, 1, Duration.FromMinutes(6)), (mediationMonday.Summoned, mediationMonday.AckedOnTime, mediationMonday.MedianAck));
        Assert.Equal((1, 1, 1, 4.0), (tuesday.Resolved, tuesday.Closed, tuesday.FollowUps, tuesday.MeanSatisfaction)); // D1
    }

    [Fact]
    public async Task Get_WeekEndsSundayMidnight()
    {
        var first = await run.Engine.Stats.GetAsync("tc-a-t2", StatsPeriod.Week, new LocalDate(2026, 11, 29));
        var second = await run.Engine.Stats.GetAsync("tc-a-t2", StatsPeriod.Week, new LocalDate(2026, 11, 30));

        Assert.Equal((new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 29), 2), (first.From, first.To, first.Accepted)); // B1, F1 (Sunday 23:59)
        Assert.Equal((new LocalDate(2026, 11, 30), new LocalDate(2026, 12, 6), 1), (second.From, second.To, second.Accepted)); // G1 (Monday 00:01)
    }

    [Fact]
    public async Task Get_QuarterBoundary_SplitsCasesAndSummonsesByLocalDate()
    {
        var q4 = await run.Engine.Stats.GetAsync("tc-b-t1", StatsPeriod.Quarter, new LocalDate(2026, 12, 31));
        var q1 = await run.Engine.Stats.GetAsync("tc-b-t1", StatsPeriod.Quarter, new LocalDate(2027, 1, 1));

        Assert.Equal((new LocalDate(2026, 10, 1), new LocalDate(2026, 12, 31)), (q4.From, q4.To));
        Assert.Equal((2, 1, 1.0), (q4.Accepted, q4.Resolved, q4.CompletionRate)); // C1 and Q1 (23:59), both resolved by now; Q1 resolved in 2027
        Assert.Equal((1, 1, 0.0), (q1.Accepted, q1.Resolved, q1.CompletionRate)); // Q2 (00:01), still open; Q1's resolution
        Assert.Equal((1, 1, Duration.FromMinutes(9)), (q1.Summoned, q1.AckedOnTime, q1.MedianAck)); // Q2's summons only
        Assert.Equal(Duration.FromMinutes(13), q4.MedianAck); // C1 acknowledged late after 15 minutes, Q1 after 11
    }

    [Fact]
    public async Task Get_DifferentFollowUpRefusedOnALaterDay_CountsOnceOnTheFirstDayWithTheFirstSatisfaction()
    {
        var tuesday = await run.Engine.Stats.GetAsync("tc-b-t1", StatsPeriod.Day, new LocalDate(2026, 11, 24));
        var wednesday = await run.Engine.Stats.GetAsync("tc-b-t1", StatsPeriod.Day, new LocalDate(2026, 11, 25));

        Assert.Equal((1, 5.0, 1.0), (tuesday.FollowUps, tuesday.MeanSatisfaction, tuesday.SatisfiedRate));
        Assert.Equal((0, null), (wednesday.FollowUps, wednesday.MeanSatisfaction));
    }

    [Fact]
    public async Task Ranking_TownshipsOfTheCity_BestFirstAsRecounted()
    {
        foreach (var (period, at) in new[] { (StatsPeriod.Week, StatsRun.FirstDay), (StatsPeriod.Quarter, StatsRun.FirstDay), (StatsPeriod.Day, StatsRun.LastDay) })
        {
            var dates = StatsPeriods.Range(period, at);
            var expected = StatsScopes.TownshipsUnder(EngineSilo.City, "tc")
                .Select(t => StatsRecount.Of(run.Views, EngineSilo.City, t.Id, period, dates.Start, dates.End))
                .OrderByDescending(v => v.OnTimeAckRate ?? -1).ThenByDescending(v => v.CompletionRate ?? -1)
                .ThenByDescending(v => v.MeanSatisfaction ?? -1).ThenBy(v => v.Scope, StringComparer.Ordinal)
                .ToList();

            var actual = await run.Engine.Stats.RankingAsync("tc", period, at, RankBy.Township);

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task Ranking_DepartmentsOfACounty_NoDataLastAndTiesInIdOrder()
    {
        var ranking = await run.Engine.Stats.RankingAsync("tc-b", StatsPeriod.Week, StatsRun.FirstDay, RankBy.Department);

        var ids = ranking.Select(r => r.Scope).ToList();
        Assert.Equal(StatsScopes.DepartmentsUnder(EngineSilo.City, "tc-b").Select(d => d.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        // All three were summoned only to C1 (late, declined, escalated unacknowledged: rate 0; C1 resolved; satisfaction 3): a full tie.
        Assert.Equal(["tc-b-psb", "tc-b-t1-jud", "tc-b-t1-pol"], ids.Take(3));
        var empty = ranking.SkipWhile(r => r.OnTimeAckRate is not null || r.CompletionRate is not null).ToList();
        Assert.NotEmpty(empty);
        Assert.All(empty, r => Assert.Equal((null, null, null), (r.OnTimeAckRate, r.CompletionRate, r.MeanSatisfaction)));
        Assert.Equal(empty.Select(r => r.Scope).Order(StringComparer.Ordinal), empty.Select(r => r.Scope));
    }

    [Fact]
    public void Escalations_EveryEscalationStepHasOneTimelineEntry()
    {
        var events = run.Escalations.Where(e => e.Escalation.Kind != "triage").GroupBy(e => e.Escalation.CaseId)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Contains(run.Escalations, e => e.Escalation.Kind == "leader");
        Assert.Contains(run.Escalations, e => e.Escalation.Kind == "tier");
        Assert.Contains(run.Escalations, e => e.Escalation.Kind == "manual");
        foreach (var view in run.Views)
        {
            Assert.True(events.GetValueOrDefault(view.Id) == view.Timeline.Count(t => t.Kind == "escalated"),
                $"case {view.Id}: {events.GetValueOrDefault(view.Id)} escalation events, timeline {string.Join(", ", view.Timeline.Select(t => t.Kind))}");
        }
    }

    [Fact]
    public async Task Queries_ScopeOrRankingTheParserRefuses_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => run.Engine.Stats.GetAsync("tc-a-t1-v1", StatsPeriod.Day, StatsRun.FirstDay));
        await Assert.ThrowsAsync<ArgumentException>(() => run.Engine.Stats.GetAsync("nowhere", StatsPeriod.Day, StatsRun.FirstDay));
        await Assert.ThrowsAsync<ArgumentException>(() => run.Engine.Stats.RankingAsync("tc-a-t1", StatsPeriod.Day, StatsRun.FirstDay, RankBy.Township));
        await Assert.ThrowsAsync<ArgumentException>(() => run.Engine.Stats.RankingAsync("tc-a-t1-pol", StatsPeriod.Day, StatsRun.FirstDay, RankBy.Department));
        await Assert.ThrowsAsync<ArgumentException>(() => run.Engine.Stats.TotalsAsync("tc", StatsRun.FirstDay, StatsRun.FirstDay.PlusDays(-1)));
    }

    [Fact]
    public async Task Writer_RepeatedOrStaleFacts_ChangeNothing()
    {
        var a1 = await run.ViewAsync("A1");
        var key = new StatsDayKey("tc-a-t1", new LocalDate(2026, 11, 23));
        var before = await DayTotalsAsync(key);
        var current = CaseStatsFacts.Of(a1)[key];
        var bogus = StatsTotals.Empty with { Accepted = 7, Summoned = 9 };
        await using var writer = new SqlReadModelWriter(run.Engine.Store, 1, NullLogger<SqlReadModelWriter>.Instance);

        await writer.WriteAsync(new ReadModelBatch(null, [], [new StatsFactRow(key, a1.Id, a1.Version, current)]));
        await writer.WriteAsync(new ReadModelBatch(null, [], [new StatsFactRow(key, a1.Id, a1.Version, bogus)]));
        await writer.WriteAsync(new ReadModelBatch(null, [], [new StatsFactRow(key, a1.Id, 1, bogus)]));

        Assert.Equal(before, await DayTotalsAsync(key));
        Assert.Equal(before.Accepted, (await DayTotalsAsync(key)).Accepted);
    }

    private async Task<StatsTotals> DayTotalsAsync(StatsDayKey key) =>
        (await run.Engine.Views.TotalsAsync([key.Scope], key.Date, key.Date)).GetValueOrDefault(key.Scope) ?? StatsTotals.Empty;
}
