using System.Text.Json;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.Interfaces.Serialization;
using Orleans;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Stats;

public sealed class CaseStatsFactsTests
{
    private static readonly LocalDate Monday = new(2026, 11, 23);
    private static readonly LocalDate Tuesday = new(2026, 11, 24);

    private static CaseView Case(Instant createdAt, IReadOnlyList<SummonsView>? summonses = null, int? satisfaction = null,
        params (Instant At, string Kind)[] timeline) =>
        new("C-1", "tc-a-t1-g1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, Category.Other, CaseTier.General, RiskColour.Blue,
            CaseState.InProgress, CaseSource.Grid, "x", null, createdAt, null, null, null, null, satisfaction, summonses ?? [],
            timeline.Select(t => new TimelineEntry(t.At, t.Kind, "system", null)).ToList(), 7);

    private static SummonsView Summons(string department, Instant issued, Duration ackWithin, Instant? acked = null, Instant? arrived = null) =>
        new($"C-1.S{department.Length}", "C-1", department, SummonsState.Issued, issued, issued + ackWithin, issued + ackWithin * 2, acked, arrived,
            0, null, RiskColour.Blue, null, null, 1);

    private static StatsDayKey Key(string scope, LocalDate day) => new(scope, day);

    [Fact]
    public void Of_ReportedCase_IsAcceptedInItsTownshipOnTheLocalDay()
    {
        var facts = CaseStatsFacts.Of(Case(Shanghai.At(2026, 11, 23, 23, 59)));

        var (key, totals) = Assert.Single(facts);
        Assert.Equal(Key("tc-a-t1", Monday), key);
        Assert.Equal(StatsTotals.Empty with { Accepted = 1 }, totals);
    }

    [Fact]
    public void Of_SummonsIssuedBeforeMidnightAckedAfter_CountsOnItsIssueDayForTownshipAndDepartment()
    {
        var issued = Shanghai.At(2026, 11, 23, 23, 59);
        var c = Case(Shanghai.At(2026, 11, 23, 23, 50), [Summons("tc-a-t1-pol", issued, Duration.FromMinutes(30), acked: Shanghai.At(2026, 11, 24, 0, 5))]);

        var facts = CaseStatsFacts.Of(c);

        var expected = StatsTotals.Empty with { Accepted = 1, Summoned = 1, AckedOnTime = 1, AckTimes = [Duration.FromMinutes(6)] };
        Assert.Equal(2, facts.Count);
        Assert.Equal(expected, facts[Key("tc-a-t1", Monday)]);
        Assert.Equal(expected, facts[Key("tc-a-t1-pol", Monday)]);
    }

    [Fact]
    public void Of_LateAcknowledgementAndArrival_CountsTimesButNotOnTime()
    {
        var issued = Shanghai.At(2026, 11, 23, 9, 0);
        var c = Case(issued, [Summons("tc-a-t1-pol", issued, Duration.FromMinutes(10), acked: issued + Duration.FromMinutes(15),
            arrived: issued + Duration.FromMinutes(40))]);

        var totals = CaseStatsFacts.Of(c)[Key("tc-a-t1-pol", Monday)];

        Assert.Equal(StatsTotals.Empty with { Accepted = 1, Summoned = 1, AckTimes = [Duration.FromMinutes(15)], ArriveTimes = [Duration.FromMinutes(40)] }, totals);
    }

    [Fact]
    public void Of_DepartmentSummonedLater_CountsTheCaseOnItsCreationDayAndOnlyItsOwnSummonses()
    {
        var c = Case(Shanghai.At(2026, 11, 23, 9, 0),
        [
            Summons("tc-a-t1-pol", Shanghai.At(2026, 11, 23, 9, 5), Duration.FromMinutes(30)),
            Summons("tc-a-psb", Shanghai.At(2026, 11, 24, 10, 0), Duration.FromMinutes(30)),
        ]);

        var facts = CaseStatsFacts.Of(c);

        Assert.Equal(StatsTotals.Empty with { Accepted = 1 }, facts[Key("tc-a-psb", Monday)]);
        Assert.Equal(StatsTotals.Empty with { Summoned = 1 }, facts[Key("tc-a-psb", Tuesday)]);
        Assert.Equal(StatsTotals.Empty with { Accepted = 1, Summoned = 1 }, facts[Key("tc-a-t1-pol", Monday)]);
        Assert.False(facts.ContainsKey(Key("tc-a-t1-pol", Tuesday)));
        Assert.Equal(StatsTotals.Empty with { Summoned = 1 }, facts[Key("tc-a-t1", Tuesday)]);
    }

    [Fact]
    public void Of_ResolvedClosedAndFollowedUp_CountAtTheirOwnMoments()
    {
        var c = Case(Shanghai.At(2026, 11, 23, 9, 0), satisfaction: 3, timeline:
        [
            (Shanghai.At(2026, 11, 23, 10, 0), "resolved"),
            (Shanghai.At(2026, 11, 23, 11, 0), "followedUp"),
            (Shanghai.At(2026, 11, 24, 9, 0), "closed"),
            (Shanghai.At(2026, 11, 25, 9, 0), "followedUp"),
        ]);

        var facts = CaseStatsFacts.Of(c);

        Assert.Equal(StatsTotals.Empty with { Accepted = 1, AcceptedResolved = 1, Resolved = 1 }, facts[Key("tc-a-t1", Monday)]);
        Assert.Equal(StatsTotals.Empty with { Closed = 1 }, facts[Key("tc-a-t1", Tuesday)]);
        Assert.Equal(StatsTotals.Empty with { FollowUps = 1, SatisfactionSum = 3 }, facts[Key("tc-a-t1", new LocalDate(2026, 11, 25))]);
    }

    [Fact]
    public void Of_Escalations_OnePerTimelineEntryOnItsDay()
    {
        var c = Case(Shanghai.At(2026, 11, 23, 9, 0), timeline:
        [
            (Shanghai.At(2026, 11, 23, 9, 30), "escalated"),
            (Shanghai.At(2026, 11, 23, 10, 0), "escalated"),
            (Shanghai.At(2026, 11, 24, 0, 0), "escalated"),
            (Shanghai.At(2026, 11, 24, 0, 0), "triageOverdue"),
        ]);

        var facts = CaseStatsFacts.Of(c);

        Assert.Equal(2, facts[Key("tc-a-t1", Monday)].Escalations);
        Assert.Equal(1, facts[Key("tc-a-t1", Tuesday)].Escalations);
    }

    [Fact]
    public void Of_Escalations_ADepartmentCountsOnlyItsOwnSummonsesThatEscalated_AtTheMissedDeadline()
    {
        var issued = Shanghai.At(2026, 11, 23, 23, 0);
        var missedAck = Summons("tc-a-t1-pol", issued, Duration.FromMinutes(90)) with { State = SummonsState.Escalated };
        var answered = Summons("tc-a-t1-jud-x", issued, Duration.FromMinutes(90), acked: issued + Duration.FromMinutes(5)) with { State = SummonsState.Acknowledged };
        var c = Case(issued, [missedAck, answered], timeline:
        [
            (Shanghai.At(2026, 11, 24, 0, 30), "escalated"),
            (Shanghai.At(2026, 11, 24, 1, 0), "escalated"),
        ]);

        var facts = CaseStatsFacts.Of(c);

        Assert.Equal(2, facts[Key("tc-a-t1", Tuesday)].Escalations);
        // The police station missed its acknowledgement at 00:30 on Tuesday; the judicial office did not escalate.
        Assert.Equal(1, facts[Key("tc-a-t1-pol", Tuesday)].Escalations);
        Assert.Equal(0, facts[Key("tc-a-t1-pol", Monday)].Escalations);
        Assert.Equal(0, facts[Key("tc-a-t1-jud-x", Monday)].Escalations);
        Assert.False(facts.ContainsKey(Key("tc-a-t1-jud-x", Tuesday)));
    }

    [Fact]
    public void Changed_NamesAddedChangedAndVanishedBuckets()
    {
        var before = new Dictionary<StatsDayKey, StatsTotals>
        {
            [Key("a", Monday)] = StatsTotals.Empty with { Accepted = 1 },
            [Key("b", Monday)] = StatsTotals.Empty with { Summoned = 1 },
            [Key("c", Monday)] = StatsTotals.Empty with { FollowUps = 1 },
        };
        var after = new Dictionary<StatsDayKey, StatsTotals>
        {
            [Key("a", Monday)] = StatsTotals.Empty with { Accepted = 1 },
            [Key("b", Monday)] = StatsTotals.Empty with { Summoned = 1, AckTimes = [Duration.FromMinutes(1)] },
            [Key("c", Tuesday)] = StatsTotals.Empty with { FollowUps = 1 },
        };

        Assert.Equal([Key("b", Monday), Key("c", Tuesday), Key("c", Monday)], CaseStatsFacts.Changed(before, after));
    }

    [Fact]
    public void DayKey_GrainKeyAndMarker_RoundTrip()
    {
        var key = Key("tc-a-t1-pol", Monday);

        Assert.Equal(("tc-a-t1-pol|2026-11-23", "s|tc-a-t1-pol|2026-11-23"), (key.GrainKey, key.Marker));
        Assert.True(StatsDayKey.TryParse(key.Marker, out var fromMarker));
        Assert.True(StatsDayKey.TryParse(key.GrainKey, out var fromKey));
        Assert.Equal((key, key), (fromMarker, fromKey));
        Assert.False(StatsDayKey.TryParse("s|tc-a-t1|2026-13-01", out _));
        Assert.False(StatsDayKey.TryParse("c|tc-a-t1", out _));
    }

    [Fact]
    public void Totals_Json_RoundTripsAndLeavesZerosOut()
    {
        var fact = StatsTotals.Empty with { Accepted = 1, AckTimes = [Duration.FromMinutes(6)] };

        var json = JsonSerializer.Serialize(fact, DispatchJson.Default);
        var back = JsonSerializer.Deserialize<StatsTotals>(json, DispatchJson.Default);

        Assert.Equal(fact, back);
        Assert.DoesNotContain("resolved", json);
        Assert.Equal(StatsTotals.Empty, JsonSerializer.Deserialize<StatsTotals>("{}", DispatchJson.Default));
    }
}
