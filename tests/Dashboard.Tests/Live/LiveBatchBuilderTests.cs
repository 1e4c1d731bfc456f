using Dispatch.Dashboard.Live;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Live;

public sealed class LiveBatchBuilderTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 1, 0);

    internal static SummonsChanged Summons(string id, int version, SummonsState state = SummonsState.Issued, string department = "d1") => new(
        new SummonsView(id, "C-20261123-1", department, state, At, At + Duration.FromMinutes(5), At + Duration.FromHours(1),
            state == SummonsState.Acknowledged ? At + Duration.FromMinutes(1) : null, null, 0, null, RiskColour.Blue, null, null, version),
        ["C-20261123-1", "tc-a-t1", "tc-a", "tc", department]);

    internal static CaseChanged Case(string id, int version) => new(
        new CaseSummary(id, "tc-a-t1-g1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, Category.Labour, null, null, CaseState.Reported,
            "欠薪", At, null, 0, 0, null, version),
        [id, "tc-a-t1", "tc-a", "tc"]);

    internal static EscalationRaised Escalation(string caseId, string kind = "ack") => new(
        new EscalationView(caseId, kind, "S1", "d1", "d2", "S2", 1, "tc-a-t1", "tc-a", CenterLevel.County, null, At, At, "late"),
        [caseId, "tc-a-t1", "tc-a", "tc", "d1"]);

    /// <summary>A batch of <paramref name="events"/>, coalesced as the pusher does.</summary>
    internal static LiveBatch Batch(params object[] events)
    {
        var builder = new LiveBatchBuilder();
        foreach (var e in events)
            builder.Add(e);
        return builder.Build();
    }

    [Fact]
    public void Build_KeepsNewestVersionPerCaseAndSummons_AndEveryEscalation()
    {
        var builder = new LiveBatchBuilder();
        builder.Add(Summons("S1", 1));
        builder.Add(Summons("S1", 3, SummonsState.Acknowledged));
        builder.Add(Summons("S1", 2));
        builder.Add(Case("C1", 2));
        builder.Add(Case("C1", 1));
        builder.Add(Escalation("C1"));
        builder.Add(Escalation("C1"));

        Assert.Equal(7, builder.Added);
        var batch = builder.Build();
        var summons = Assert.Single(batch.Summonses);
        Assert.Equal(3, summons.Summons.Version);
        Assert.Equal(2, Assert.Single(batch.Cases).Case.Version);
        Assert.Equal(2, batch.Escalations.Count);
        Assert.True(builder.IsEmpty, "the builder starts again empty after Build");
        Assert.True(builder.Build().IsEmpty);
    }

    [Fact]
    public void Add_OtherEvent_IsRefused()
    {
        var builder = new LiveBatchBuilder();
        Assert.False(builder.Add("not a live event"));
        Assert.True(builder.IsEmpty);
    }

    [Fact]
    public void Concerning_KeepsOnlyEventsOfTheScope()
    {
        var builder = new LiveBatchBuilder();
        builder.Add(Summons("S1", 1, department: "d1"));
        builder.Add(Summons("S2", 1, department: "d2"));
        builder.Add(Escalation("C1"));

        var batch = builder.Build();
        Assert.Equal("S1", Assert.Single(batch.Concerning("d1").Summonses).Summons.Id);
        Assert.Single(batch.Concerning("d1").Escalations);
        Assert.Equal(2, batch.Concerning("tc-a").Summonses.Count);
        Assert.True(batch.Concerning("tc-b").IsEmpty);
    }
}
