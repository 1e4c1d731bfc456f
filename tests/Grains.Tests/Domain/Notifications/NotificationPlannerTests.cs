using System.Text.Json.Nodes;
using Dispatch.Grains.Cases;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Notifications;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Tests.Domain.City;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Notifications;

public sealed class NotificationPlannerTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 1, 0);

    /// <summary>The test city with a notifications section (police by webhook and SMS only, contacts, a leader's phone).</summary>
    public static CityModel City(string? section = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(TestCity.PathOf(TestCity.FileName)))!.AsObject();
        json["notifications"] = JsonNode.Parse(section ?? """
            { "byKind": { "policeStation": ["webhook", "sms"] },
              "remindEvery": { "orange": "PT20M" },
              "deadlineLead": 0.25,
              "contacts": { "tc-a-t1-pol": { "phone": "13800000001", "email": "pol@example.cn" } },
              "leaders": { "王建军": "13900000001" } }
            """);
        return CityLoader.Parse(json.ToJsonString(), "city-notify.json");
    }

    private static CaseRecord Case(params SummonsRecord[] summonses) => new()
    {
        Id = "C-20261123-000001", GridId = "tc-a-t1-g1", TownshipId = "tc-a-t1", CenterId = "tc-a-t1", Summary = "楼上漏水",
        State = CaseState.Whistled, Risk = RiskColour.Red, Version = 2, Summonses = [.. summonses],
    };

    private static SummonsRecord Summons(int n, string department, RiskColour risk, int level = 0) => new()
    {
        Id = $"C-20261123-000001.S{n}", DepartmentId = department, State = SummonsState.Issued, Risk = risk, IssuedAt = T0,
        AckDueAt = T0 + Duration.FromMinutes(15), ArriveDueAt = T0 + Duration.FromMinutes(30), EscalationLevel = level, Version = 1,
    };

    [Fact]
    public void RedSummons_IssuedApproachingAndRemindedEveryFiveMinutes()
    {
        var record = Case(Summons(1, "tc-a-t1-pol", RiskColour.Red));
        var intents = NotificationPlanner.Plan(record, new NotificationCursor(), City());

        var issued = Assert.Single(intents, i => i.Type == "summons.issued");
        Assert.Equal("C-20261123-000001.S1.issued", issued.EventId);
        Assert.Equal(["tc-a-t1-pol"], issued.Recipients);
        Assert.Equal(T0, issued.DueAt);
        Assert.Contains("\"departmentId\":\"tc-a-t1-pol\"", issued.Data);
        var approaching = Assert.Single(intents, i => i.Type == "summons.deadlineApproaching");
        Assert.Equal(T0 + Duration.FromSeconds(675), approaching.DueAt); // a quarter of 15 minutes left
        Assert.Equal("ack", approaching.CancelKey);
        var reminder = Assert.Single(intents, i => i.Type == "summons.reminder");
        Assert.Equal(Duration.FromMinutes(5), reminder.RepeatEvery);
        Assert.Equal(T0 + Duration.FromMinutes(5), reminder.DueAt);
        Assert.Equal("ack", reminder.CancelKey);
    }

    [Theory]
    [InlineData(RiskColour.Orange, 20)] // the city file's own cadence
    [InlineData(RiskColour.Blue, null)] // blue: once
    public void ReminderCadenceByRisk(RiskColour risk, int? minutes)
    {
        var summons = Summons(1, "tc-a-t1-pol", risk);
        summons.AckDueAt = T0 + Duration.FromHours(2);
        var intents = NotificationPlanner.Plan(Case(summons), new NotificationCursor(), City());
        var reminder = intents.SingleOrDefault(i => i.Type == "summons.reminder");
        Assert.Equal(minutes is null ? null : Duration.FromMinutes(minutes.Value), reminder?.RepeatEvery);
    }

    [Fact]
    public void SecondPlanOfTheSameState_DecidesNothing()
    {
        var record = Case(Summons(1, "tc-a-t1-pol", RiskColour.Red));
        var cursor = new NotificationCursor();
        Assert.NotEmpty(NotificationPlanner.Plan(record, cursor, City()));
        Assert.Empty(NotificationPlanner.Plan(record, cursor, City()));
    }

    [Fact]
    public void Acknowledged_CancelsRemindersAndAddsTheArrivalNotice_ArrivedCancelsThatToo()
    {
        var summons = Summons(1, "tc-a-t1-pol", RiskColour.Red);
        var record = Case(summons);
        var cursor = new NotificationCursor();
        NotificationPlanner.Plan(record, cursor, City());

        summons.State = SummonsState.Acknowledged;
        summons.AckedAt = T0 + Duration.FromMinutes(2);
        var afterAck = NotificationPlanner.Plan(record, cursor, City());
        var cancel = Assert.Single(afterAck, i => i.Cancel);
        Assert.Equal(("C-20261123-000001.S1", "ack"), (cancel.SummonsId, cancel.CancelKey));
        var arrive = Assert.Single(afterAck, i => i.Type == "summons.deadlineApproaching");
        Assert.Equal("arrive", arrive.CancelKey);
        Assert.Equal(summons.ArriveDueAt - Duration.FromSeconds(420), arrive.DueAt); // a quarter of the 28 minutes left

        summons.State = SummonsState.Arrived;
        summons.ArrivedAt = T0 + Duration.FromMinutes(10);
        var afterArrive = Assert.Single(NotificationPlanner.Plan(record, cursor, City()));
        Assert.True(afterArrive.Cancel);
        Assert.Equal("arrive", afterArrive.CancelKey);
    }

    [Fact]
    public void Escalated_TellsTheDepartmentAndTheHigherCenter_AndTheNewSummonsIsIssued()
    {
        var first = Summons(1, "tc-a-t1-pol", RiskColour.Red);
        var record = Case(first);
        var cursor = new NotificationCursor();
        NotificationPlanner.Plan(record, cursor, City());

        first.State = SummonsState.Escalated;
        first.EscalatedTo = "C-20261123-000001.S2";
        var next = Summons(2, "tc-a-psb", RiskColour.Red, level: 1);
        next.IssuedAt = T0 + Duration.FromMinutes(15);
        record.Summonses.Add(next);
        var intents = NotificationPlanner.Plan(record, cursor, City());

        Assert.Contains(intents, i => i.Cancel && i.SummonsId == first.Id && i.CancelKey == "ack");
        var escalated = Assert.Single(intents, i => i.Type == "summons.escalated");
        Assert.Equal(["tc-a-t1-pol", "tc-a"], escalated.Recipients); // tc-a-psb is the county bureau
        var issued = Assert.Single(intents, i => i.Type == "summons.issued");
        Assert.Equal(next.Id, issued.SummonsId);
        Assert.Contains("升级哨令", issued.Text);
    }

    [Fact]
    public void LeaderTakeAndSupervision_FromTheTimeline()
    {
        var record = Case(Summons(1, "tc-a-t1-pol", RiskColour.Red));
        var cursor = NotificationPlanner.CursorOf(record);
        record.Leader = new LeaderView("publicSecurityChief", "王建军", T0, "major case");
        record.Timeline.Add(new TimelineEntry(T0, "leaderTookCase", "engine", "major case"));
        record.Timeline.Add(new TimelineEntry(T0, "supervised", "dutyLeader:tc-a", "今天下班前反馈"));
        var intents = NotificationPlanner.Plan(record, cursor, City());

        var took = Assert.Single(intents, i => i.Type == "case.leaderTook");
        Assert.Equal(["leader:王建军", "tc-a"], took.Recipients);
        var supervised = Assert.Single(intents, i => i.Type == "case.supervised");
        Assert.Equal(["tc-a-t1-pol", "tc-a-t1"], supervised.Recipients);
        Assert.Contains("今天下班前反馈", supervised.Text);
    }

    [Fact]
    public void CursorOfAnOldCase_AnnouncesNothingThatHappenedBefore()
    {
        var record = Case(Summons(1, "tc-a-t1-pol", RiskColour.Red));
        record.Timeline.Add(new TimelineEntry(T0, "supervised", "dutyLeader:tc-a", "old"));
        Assert.Empty(NotificationPlanner.Plan(record, NotificationPlanner.CursorOf(record), City()));
    }

    [Fact]
    public void Policy_ChannelsByDepartmentThenKindThenDefault()
    {
        var policy = City().Notifications;
        Assert.Equal([NotificationChannel.Webhook, NotificationChannel.Sms], policy.ChannelsFor("tc-a-t1-pol", "policeStation"));
        Assert.Equal([NotificationChannel.Webhook, NotificationChannel.Sms, NotificationChannel.Email], policy.ChannelsFor("tc-psb", "publicSecurityBureau"));
        Assert.Equal("13900000001", policy.LeaderPhones["王建军"]);
        Assert.Same(NotificationPolicy.Default, TestCity.Model.Notifications); // a city file without the section keeps the defaults
    }

    [Theory]
    [InlineData("""{ "channels": ["pager"] }""", "$.notifications.channels[0]")]
    [InlineData("""{ "contacts": { "nobody": { "phone": "1" } } }""", "$.notifications.contacts.nobody")]
    [InlineData("""{ "remindEvery": { "red": "PT10S" } }""", "$.notifications.remindEvery.red")]
    [InlineData("""{ "deadlineLead": 1.5 }""", "$.notifications.deadlineLead")]
    [InlineData("""{ "contacts": { "tc-a-t1-pol": { "email": "not-an-address" } } }""", "$.notifications.contacts.tc-a-t1-pol.email")]
    public void BadSection_IsRefusedNamingThePath(string section, string path)
    {
        var error = Assert.Throws<CityFileException>(() => City(section));
        Assert.Contains(path, error.Message);
    }
}
