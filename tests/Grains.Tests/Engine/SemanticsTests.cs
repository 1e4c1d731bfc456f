using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Tests.Engine;

/// <summary>
/// The exact semantics of repeated and conflicting commands (API.md, README "Semantics"): a repeat is 200 unchanged, a
/// different repeat 409; a whistle does not change open summonses' deadlines; one open summons per department per
/// case; a case is taken once; who acts on a case that moved up.
/// </summary>
public sealed class SemanticsTests : IAsyncLifetime
{
    private const string Township = "tc-a-t1";
    private const string County = "tc-a";
    private static readonly Actor Commissioner = EngineSilo.Commissioner(Township);
    private static readonly Actor DutyLeader = EngineSilo.DutyLeader(County);
    private EngineSilo _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineSilo.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<ICaseGrain> ReportAsync(RiskColour risk = RiskColour.Red)
    {
        var grain = _engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId());
        var result = await grain.Report(new ReportCase("tc-a-t1-g1", Category.PublicSecurity, "夜间斗殴", CaseSource.Grid, CaseTier.General, risk,
            null, Commissioner));
        Assert.Equal(Outcome.Ok, result.Outcome);
        return grain;
    }

    private static async Task<IReadOnlyList<SummonsView>> WhistleAsync(ICaseGrain grain, Duration? ack, Duration? arrive, params string[] departments)
    {
        var result = await grain.Whistle(new WhistleCase(departments, ack, arrive, null, Commissioner));
        Assert.True(result.Outcome == Outcome.Ok, result.Error);
        return result.Value!;
    }

    [Fact]
    public async Task Whistle_AgainWithOtherDeadlines_Is409NamingTheOpenSummonsesAndChangesNothing()
    {
        var grain = await ReportAsync();
        var first = await WhistleAsync(grain, Duration.FromMinutes(30), Duration.FromHours(2), "tc-a-t1-pol");
        var before = (await grain.Get())!;

        var result = await grain.Whistle(new WhistleCase(["tc-a-t1-pol", "tc-a-t1-jud"], Duration.FromMinutes(10), null, null, Commissioner));

        Assert.Equal(Outcome.Conflict, result.Outcome);
        Assert.Contains(first[0].Id, result.Error);
        Assert.Contains("tc-a-t1-pol", result.Error);
        Assert.Equal(("openSummonsDiffer", "tc-a-t1-pol"), (result.Fault!.Code, result.Fault.Arg("departments")));
        Assert.Equal(result.Fault.English, result.Error);
        Assert.Equal(before.Version, (await grain.Get())!.Version);
    }

    [Fact]
    public async Task Whistle_AgainWithTheSameOrNoDeadlines_IsUnchangedWithTheOpenSummons()
    {
        var grain = await ReportAsync();
        var first = await WhistleAsync(grain, Duration.FromMinutes(30), null, "tc-a-t1-pol");

        var same = await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], Duration.FromMinutes(30), null, null, Commissioner));
        var without = await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, Commissioner));

        Assert.Equal((Outcome.Unchanged, first[0].Id), (same.Outcome, Assert.Single(same.Value!).Id));
        Assert.Equal((Outcome.Unchanged, first[0].Id), (without.Outcome, Assert.Single(without.Value!).Id));
    }

    [Theory]
    [InlineData(30, 10)] // both given, arrival shorter
    [InlineData(null, 5)] // arrival shorter than red's 15-minute acknowledgement rule
    public async Task Whistle_ArrivalDueBeforeAcknowledgement_IsInvalidOnArriveWithin(int? ackMinutes, int arriveMinutes)
    {
        var grain = await ReportAsync();

        var result = await grain.Whistle(new WhistleCase(["tc-a-t1-pol"],
            ackMinutes is { } a ? Duration.FromMinutes(a) : null, Duration.FromMinutes(arriveMinutes), null, Commissioner));

        Assert.Equal((Outcome.Invalid, "arriveWithin"), (result.Outcome, result.Field));
        Assert.Empty((await grain.Get())!.Summonses);
    }

    [Fact]
    public async Task FollowUp_RepeatedIdentically_IsUnchanged_Differently_Is409()
    {
        var grain = await ReportAsync();
        await WhistleAsync(grain, null, null, "tc-a-t1-pol");
        Assert.Equal(Outcome.Ok, (await grain.Apply(new CaseCommand(CaseCommandKind.Resolve, "已调解", null, Commissioner))).Outcome);
        Assert.Equal(Outcome.Ok, (await grain.FollowUp(new FollowUpCase(4, "基本满意", Commissioner))).Outcome);
        var version = (await grain.Get())!.Version;

        var same = await grain.FollowUp(new FollowUpCase(4, " 基本满意 ", Commissioner));
        var otherScore = await grain.FollowUp(new FollowUpCase(2, "基本满意", Commissioner));
        var otherNote = await grain.FollowUp(new FollowUpCase(4, "满意", Commissioner));

        Assert.Equal(Outcome.Unchanged, same.Outcome);
        Assert.Equal(Outcome.Conflict, otherScore.Outcome);
        Assert.Equal(Outcome.Conflict, otherNote.Outcome);
        var after = (await grain.Get())!;
        Assert.Equal((4, version), (after.Satisfaction, after.Version));
        var closed = await grain.Apply(new CaseCommand(CaseCommandKind.Close, null, null, Commissioner));
        Assert.Equal(CaseState.FollowedUp, closed.Value!.State);
    }

    [Fact]
    public async Task Ladder_ReachingADepartmentAlreadySummoned_JoinsItsOpenSummons()
    {
        var grain = await ReportAsync();
        var summonses = await WhistleAsync(grain, null, null, "tc-a-t1-pol", "tc-a-psb");
        var bureau = summonses.Single(s => s.DepartmentId == "tc-a-psb");
        await grain.ActOnSummons(new SummonsCommand(bureau.Id, SummonsActionKind.Acknowledge, null, false, EngineSilo.Department("tc-a-psb")));
        _engine.Drain<object>();

        await _engine.AdvanceAsync(Duration.FromMinutes(15));

        var escalation = Assert.Single(_engine.Drain<EscalationRaised>()).Escalation;
        Assert.Equal(("tc-a-t1-pol", "tc-a-psb", bureau.Id), (escalation.FromDepartmentId, escalation.ToDepartmentId, escalation.NewSummonsId));
        var view = (await grain.Get())!;
        Assert.Single(view.Summonses, s => s.DepartmentId == "tc-a-psb");
        Assert.Equal(bureau.Id, view.Summonses.Single(s => s.DepartmentId == "tc-a-t1-pol").EscalatedTo);
    }

    [Fact]
    public async Task Ladder_TwoLaddersReachTheTop_TheCaseIsTakenOnce()
    {
        var grain = await ReportAsync();
        await WhistleAsync(grain, null, null, "tc-a-t1-pol", "tc-a-t1-jud");
        _engine.Drain<object>();

        // Red: 15 minutes a level; police and judicial ladders climb side by side and both pass the city.
        for (var i = 0; i < 4; i++) await _engine.AdvanceAsync(Duration.FromMinutes(15));

        var escalations = _engine.Drain<EscalationRaised>().Select(e => e.Escalation).ToList();
        Assert.Single(escalations, e => e.Kind == "leader");
        Assert.True(escalations.Count(e => e.ToDepartmentId is null) >= 2, "both ladders reached their top");
        var view = (await grain.Get())!;
        Assert.Single(view.Timeline, t => t.Kind == "leaderTookCase");
        Assert.NotNull(view.Leader);
    }

    [Fact]
    public async Task Take_TakenCase_SameLeaderUnchanged_AnotherLeader409()
    {
        var grain = await ReportAsync();
        Assert.Equal(Outcome.Ok, (await grain.Apply(new CaseCommand(CaseCommandKind.Take, "我来包案", null, DutyLeader))).Outcome);

        var again = await grain.Apply(new CaseCommand(CaseCommandKind.Take, null, null, DutyLeader));
        var other = await grain.Apply(new CaseCommand(CaseCommandKind.Take, null, null, DutyLeader with { Name = "李四" }));

        Assert.Equal(Outcome.Unchanged, again.Outcome);
        Assert.Equal(Outcome.Conflict, other.Outcome);
        Assert.Contains(DutyLeader.Name, other.Error);
        Assert.Equal(("takenOnce", DutyLeader.Name), (other.Fault!.Code, other.Fault.Arg("leader")));
        var view = (await grain.Get())!;
        Assert.Equal(DutyLeader.Name, view.Leader!.Name);
        Assert.Single(view.Timeline, t => t.Kind == "leaderTookCase");
    }

    [Fact]
    public async Task MovedUpToTheCounty_CommissionerCannotAct_DutyLeaderHandlesIt()
    {
        var grain = await ReportAsync();
        await WhistleAsync(grain, null, null, "tc-a-t1-pol");
        var moved = await grain.Apply(new CaseCommand(CaseCommandKind.Escalate, "跨部门难以协调", null, DutyLeader));
        Assert.Equal((Outcome.Ok, County), (moved.Outcome, moved.Value!.CenterId));

        var whistle = await grain.Whistle(new WhistleCase(["tc-a-t1-jud"], null, null, null, Commissioner));
        var resolveByCommissioner = await grain.Apply(new CaseCommand(CaseCommandKind.Resolve, "已调解", null, Commissioner));
        var resolveByLeader = await grain.Apply(new CaseCommand(CaseCommandKind.Resolve, "已调解", null, DutyLeader));

        Assert.Equal(Outcome.Forbidden, whistle.Outcome);
        Assert.Equal(Outcome.Forbidden, resolveByCommissioner.Outcome);
        Assert.Equal((Outcome.Ok, CaseState.Resolved), (resolveByLeader.Outcome, resolveByLeader.Value!.State));
    }

    [Fact]
    public async Task HeldByTheTownship_DutyLeaderOverseesButDoesNotHandle()
    {
        var grain = await ReportAsync();

        var whistle = await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, DutyLeader));
        var supervise = await grain.Apply(new CaseCommand(CaseCommandKind.Supervise, "请加快办理", null, DutyLeader));

        Assert.Equal(Outcome.Forbidden, whistle.Outcome);
        Assert.Equal(Outcome.Ok, supervise.Outcome);
    }
}
