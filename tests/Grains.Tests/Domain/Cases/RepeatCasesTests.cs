using Dispatch.Grains.Domain.Cases;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Cases;

public sealed class RepeatCasesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 1, 0);

    [Theory]
    [InlineData("小区门口路灯不亮", "小区门口的路灯不亮了", 0.6)]
    [InlineData("小区门口路灯不亮", "小区门口，路灯不亮！", 1.0)]
    [InlineData("Street Light OUT", "street light out", 1.0)]
    [InlineData("楼道堆放杂物", "邻居装修噪音扰民", 0.0)]
    [InlineData("灯", "灯", 1.0)]
    [InlineData("", "灯不亮", 0.0)]
    [InlineData("！！", "灯不亮", 0.0)]
    public void Similarity_IsTheJaccardIndexOfCharacterBigrams(string a, string b, double expected)
    {
        Assert.Equal(expected, RepeatCases.Similarity(a, b), 3);
        Assert.Equal(expected, RepeatCases.Similarity(b, a), 3);
    }

    [Fact]
    public void Suggest_KeepsThoseAtTheThreshold_MostSimilarFirst_AtMostFive()
    {
        (string, string)[] candidates =
        [
            ("C-1", "邻居装修噪音扰民"),
            ("C-2", "小区门口的路灯不亮了"),
            ("C-3", "小区门口路灯不亮"),
            .. Enumerable.Range(4, 6).Select(i => ($"C-{i}", "小区门口的路灯不亮了")),
        ];

        var suggested = RepeatCases.Suggest("小区门口路灯不亮", candidates);

        Assert.Equal(5, suggested.Count);
        Assert.Equal(("C-3", 1.0), suggested[0]);
        Assert.All(suggested.Skip(1), s => Assert.Equal(0.6, s.Similarity));
        Assert.DoesNotContain(suggested, s => s.CaseId == "C-1");
        Assert.True(RepeatCases.Similarity("小区门口路灯不亮", "小区路灯坏了") < RepeatCases.Threshold);
    }

    [Fact]
    public void IsCandidate_OpenAlways_ResolvedWithinTheWindowOnly()
    {
        var window = Duration.FromDays(30);

        Assert.True(RepeatCases.IsCandidate(null, Now, window));
        Assert.True(RepeatCases.IsCandidate(Now - Duration.FromDays(30), Now, window));
        Assert.False(RepeatCases.IsCandidate(Now - Duration.FromDays(30) - Duration.FromSeconds(1), Now, window));
    }

    [Fact]
    public void RepeatOf_IsTheEarliestLinkedCaseReportedBefore_NullForTheFirst()
    {
        LinkedCase earlier = new("C-20261101-000001", Now - Duration.FromDays(5));
        LinkedCase earliest = new("C-20261001-000001", Now - Duration.FromDays(40));
        LinkedCase later = new("C-20261124-000001", Now + Duration.FromDays(1));

        Assert.Equal(earliest.CaseId, RepeatCases.RepeatOf("C-20261123-000001", Now, [later, earlier, earliest]));
        Assert.Null(RepeatCases.RepeatOf("C-20261123-000001", Now, [later]));
        Assert.Equal("C-1", RepeatCases.RepeatOf("C-2", Now, [new LinkedCase("C-1", Now)]));
        Assert.Null(RepeatCases.RepeatOf("C-1", Now, [new LinkedCase("C-2", Now)]));
    }

    [Fact]
    public void StatsFacts_ARepeatCountsOnItsAcceptedDay_ForTheTownshipAndItsDepartments()
    {
        var summons = new SummonsView("C-2.S1", "C-2", "tc-a-t1-pol", SummonsState.Issued, Now + Duration.FromDays(1), Now + Duration.FromDays(1),
            Now + Duration.FromDays(2), null, null, 0, null, RiskColour.Blue, null, null, 1);
        var view = new CaseView("C-2", "tc-a-t1-g1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, Category.Other, CaseTier.General, RiskColour.Blue,
            CaseState.Whistled, CaseSource.Grid, "x", null, Now, null, null, null, null, null, [summons], [], 3) { RepeatOf = "C-1" };

        var facts = CaseStatsFacts.Of(view);
        var day = StatsPeriods.DayOf(Now);

        Assert.Equal(1, facts[new StatsDayKey("tc-a-t1", day)].Repeats);
        Assert.Equal(1, facts[new StatsDayKey("tc-a-t1-pol", day)].Repeats);
        Assert.Equal(0, CaseStatsFacts.Of(view with { RepeatOf = null })[new StatsDayKey("tc-a-t1", day)].Repeats);
        var stats = StatsCalculator.ToView("tc-a-t1", Interfaces.Stats.StatsPeriod.Day, new DateInterval(day, day), facts[new StatsDayKey("tc-a-t1", day)]);
        Assert.Equal((1, (double?)1.0), (stats.Repeats, stats.RepeatRate));
    }
}
