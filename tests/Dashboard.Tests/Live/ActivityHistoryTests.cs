using Dispatch.Dashboard.Live;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Testing;
using NodaTime.Testing;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Live;

public sealed class ActivityHistoryTests
{
    private static readonly CityModel City = CityLoader.Load(Path.Combine(AppContext.BaseDirectory, "Data", "city-test.json"));
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 1, 0);

    [Fact]
    public void Record_WhistleAckAndEscalation_CountsPerCenterAndDepartment()
    {
        var clock = new FakeClock(At + Duration.FromMinutes(10));
        var history = new ActivityHistory(City, clock);

        history.Record(LiveBatchBuilderTests.Summons("C-20261123-1.S1", 1, department: "tc-a-t1-pol"));
        history.Record(LiveBatchBuilderTests.Summons("C-20261123-1.S2", 1, department: "tc-a-t1-jud"));
        history.Record(LiveBatchBuilderTests.Summons("C-20261123-1.S1", 2, SummonsState.Acknowledged, "tc-a-t1-pol"));
        history.Record(LiveBatchBuilderTests.Escalation("C-20261123-1"));

        var county = history.LastDay("tc-a");
        Assert.Equal(1, county.Whistles);
        Assert.Equal(2, county.Summoned);
        Assert.Equal(1, county.Acks);
        Assert.Equal(1, county.AcksOnTime);
        Assert.Equal(1, county.Escalations);
        Assert.Equal(0.5, county.OnTimeAckRate);
        Assert.Equal(1, history.LastDay("tc-a-t1-pol").Acks);
        Assert.Equal(0, history.LastDay("tc-a-t1-pol").Whistles);
        Assert.True(history.LastDay("tc-b").IsEmpty, "another county saw nothing");
        Assert.Single(history.RecentEscalations("tc", 10));
    }

    [Fact]
    public void Record_EscalationWithoutSummons_IsInTheFeed_NotInTheCounts()
    {
        var history = new ActivityHistory(City, new FakeClock(At + Duration.FromMinutes(10)));
        var summonsEscalation = LiveBatchBuilderTests.Escalation("C-20261123-1");
        var leaderTook = LiveBatchBuilderTests.Escalation("C-20261123-2") is var e
            ? e with { Escalation = e.Escalation with { Kind = "leader", SummonsId = null, FromDepartmentId = null, ToDepartmentId = null, NewSummonsId = null } }
            : throw new InvalidOperationException();

        history.Record(summonsEscalation);
        history.Record(leaderTook);

        Assert.Equal(1, history.LastDay("tc-a").Escalations);
        Assert.Equal(1, history.LastDay("tc-a-t1").Escalations);
        Assert.Equal(2, history.RecentEscalations("tc-a", 10).Count);
    }

    [Fact]
    public void Series_Is24HourlyPoints_AndForgetsWhatIsOlder()
    {
        var clock = new FakeClock(At);
        var history = new ActivityHistory(City, clock);
        history.Record(LiveBatchBuilderTests.Summons("C-20261123-1.S1", 1, department: "tc-a-t1-pol"));

        var series = history.Series("tc-a-t1");
        Assert.Equal(ActivityHistory.Hours, series.Count);
        Assert.Equal(1, series[^1].Counts.Whistles);
        Assert.Equal(Duration.FromHours(1), series[1].From - series[0].From);

        clock.Advance(Duration.FromHours(25));
        Assert.True(history.LastDay("tc-a-t1").IsEmpty, "a whistle 25 hours ago is out of the window");
        Assert.All(history.Series("tc-a-t1"), p => Assert.Equal(0, p.Counts.Whistles));
    }

    [Fact]
    public void Series_DayBack_HoldsTheSameHoursADayEarlier_KeptForTwoDays()
    {
        var clock = new FakeClock(At);
        var history = new ActivityHistory(City, clock);
        history.Record(LiveBatchBuilderTests.Summons("C-20261123-1.S1", 1, department: "tc-a-t1-pol"));

        clock.Advance(Duration.FromHours(24));
        var yesterday = history.Series("tc-a-t1", daysBack: 1);
        Assert.Equal(ActivityHistory.Hours, yesterday.Count);
        Assert.Equal(1, yesterday[^1].Counts.Whistles);
        Assert.Equal(history.Series("tc-a-t1")[^1].From - Duration.FromHours(24), yesterday[^1].From);
        Assert.Equal(0, history.LastDay("tc-a-t1").Whistles);

        // 47 hours on, an event prunes the ring: yesterday's first hour is still kept.
        clock.Advance(Duration.FromHours(23));
        history.Record(LiveBatchBuilderTests.Escalation("C-20261125-1"));
        Assert.Equal(1, history.Series("tc-a-t1", daysBack: 1)[0].Counts.Whistles);
        clock.Advance(Duration.FromHours(2));
        Assert.All(history.Series("tc-a-t1", daysBack: 1), p => Assert.Equal(0, p.Counts.Whistles));
        Assert.Throws<ArgumentOutOfRangeException>(() => history.Series("tc-a-t1", daysBack: 2));
    }
}
