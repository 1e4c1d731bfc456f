using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Tests.Engine;

/// <summary>
/// The residents' loop on the engine: an unsatisfied follow-up or "not fixed" reopens a case, back to the center that
/// closed it, summoning again the departments that resolved it; a reopened and re-resolved case is followed up anew;
/// the follow-up falls due and is flagged once; statistics count reopenings.
/// </summary>
public sealed class ResidentsLoopTests : IAsyncLifetime
{
    private const string Township = "tc-a-t1";
    private const string County = "tc-a";
    private static readonly Actor Commissioner = EngineSilo.Commissioner(Township);
    private static readonly Actor DutyLeader = EngineSilo.DutyLeader(County);
    private EngineSilo _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineSilo.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    /// <summary>Reported, whistled to the police station (which resolves it) and the judicial office (which declines), resolved.</summary>
    private async Task<ICaseGrain> ResolvedCaseAsync()
    {
        var grain = _engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId());
        Assert.Equal(Outcome.Ok, (await grain.Report(new ReportCase("tc-a-t1-g1", Category.PublicSecurity, "路灯不亮", CaseSource.Grid,
            CaseTier.General, RiskColour.Blue, null, Commissioner))).Outcome);
        var summonses = (await grain.Whistle(new WhistleCase(["tc-a-t1-pol", "tc-a-t1-jud"], null, null, null, Commissioner))).Value!;
        await FixAsync(grain, summonses.Single(s => s.DepartmentId == "tc-a-t1-pol").Id, "tc-a-t1-pol");
        var judicial = summonses.Single(s => s.DepartmentId == "tc-a-t1-jud");
        Assert.Equal(Outcome.Ok, (await grain.ActOnSummons(new SummonsCommand(judicial.Id, SummonsActionKind.Decline, "不属本所", false,
            EngineSilo.Department("tc-a-t1-jud")))).Outcome);
        Assert.Equal(Outcome.Ok, (await grain.Apply(new CaseCommand(CaseCommandKind.Resolve, "已修复", null, Commissioner))).Outcome);
        return grain;
    }

    private static async Task FixAsync(ICaseGrain grain, string summonsId, string department)
    {
        var actor = EngineSilo.Department(department);
        Assert.Equal(Outcome.Ok, (await grain.ActOnSummons(new SummonsCommand(summonsId, SummonsActionKind.Arrive, null, false, actor))).Outcome);
        Assert.Equal(Outcome.Ok, (await grain.ActOnSummons(new SummonsCommand(summonsId, SummonsActionKind.Feedback, "已修好", true, actor))).Outcome);
    }

    [Fact]
    public async Task FollowUp_Unsatisfied_ReopensAndSummonsAgainOnlyTheDepartmentsThatResolvedIt()
    {
        var grain = await ResolvedCaseAsync();
        var resolved = (await grain.Get())!;
        Assert.NotNull(resolved.FollowUpDueAt);
        await _engine.AdvanceAsync(Duration.FromHours(1));
        _engine.Drain<object>();

        var result = await grain.FollowUp(new FollowUpCase(2, "灯还是不亮", Commissioner));

        Assert.Equal(Outcome.Ok, result.Outcome);
        var view = result.Value!;
        Assert.Equal((CaseState.Whistled, 1, Township, (int?)2), (view.State, view.Reopens, view.CenterId, view.Satisfaction));
        Assert.Null(view.FollowUpDueAt);
        var again = Assert.Single(view.Summonses, s => s.State == SummonsState.Issued);
        Assert.Equal("tc-a-t1-pol", again.DepartmentId);
        Assert.Equal(_engine.Time.GetUtcNow(), again.IssuedAt.ToDateTimeOffset());
        Assert.True(again.AckDueAt > again.IssuedAt);
        Assert.Equal(["followedUp", "reopened"], view.Timeline.TakeLast(2).Select(e => e.Kind));
        Assert.Contains(again.Id, _engine.Drain<SummonsChanged>().Select(e => e.Summons.Id));
        // The same follow-up again is a retry; another is refused: it was recorded for that resolution.
        Assert.Equal(Outcome.Unchanged, (await grain.FollowUp(new FollowUpCase(2, "灯还是不亮", Commissioner))).Outcome);
        Assert.Equal(Outcome.Conflict, (await grain.FollowUp(new FollowUpCase(5, null, Commissioner))).Outcome);
    }

    [Fact]
    public async Task FollowUp_AfterReopenAndResolvingAgain_IsANewFollowUp_AndClosingMakesItFollowedUp()
    {
        var grain = await ResolvedCaseAsync();
        var reopened = (await grain.FollowUp(new FollowUpCase(1, null, Commissioner))).Value!;
        var again = reopened.Summonses.Single(s => s.State == SummonsState.Issued);
        await FixAsync(grain, again.Id, "tc-a-t1-pol");
        var closedEarly = await grain.Apply(new CaseCommand(CaseCommandKind.Resolve, "换了灯具", null, Commissioner));
        Assert.NotNull(closedEarly.Value!.FollowUpDueAt);
        // Closing before the new follow-up leaves it closed (the earlier follow-up belonged to the first resolution).
        Assert.Equal(CaseState.Closed, (await grain.Apply(new CaseCommand(CaseCommandKind.Close, null, null, Commissioner))).Value!.State);

        var second = await grain.FollowUp(new FollowUpCase(5, "亮了", Commissioner));

        Assert.Equal(Outcome.Ok, second.Outcome);
        Assert.Equal((CaseState.FollowedUp, (int?)5, 1), (second.Value!.State, second.Value.Satisfaction, second.Value.Reopens));
        Assert.Null(second.Value.FollowUpDueAt);
    }

    [Fact]
    public async Task Reopen_NotFixed_ReturnsToTheCenterThatClosedIt_OnlyItsHandlerMayReopen_RetryIsUnchanged()
    {
        var grain = _engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId());
        await grain.Report(new ReportCase("tc-a-t1-g1", Category.Labour, "欠薪", CaseSource.Window, CaseTier.General, RiskColour.Blue, null, Commissioner));
        Assert.Equal(Outcome.Ok, (await grain.Apply(new CaseCommand(CaseCommandKind.Escalate, "涉及多个乡镇", null, DutyLeader))).Outcome);
        await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, DutyLeader));
        await FixAsync(grain, (await grain.Get())!.Summonses.Single().Id, "tc-a-t1-pol");
        await grain.Apply(new CaseCommand(CaseCommandKind.Resolve, "已支付", null, DutyLeader));
        await grain.Apply(new CaseCommand(CaseCommandKind.Close, null, null, DutyLeader));

        var byTownship = await grain.Apply(new CaseCommand(CaseCommandKind.Reopen, "工资仍未到账", null, Commissioner));
        var reopened = await grain.Apply(new CaseCommand(CaseCommandKind.Reopen, "工资仍未到账", null, DutyLeader));
        var retry = await grain.Apply(new CaseCommand(CaseCommandKind.Reopen, " 工资仍未到账 ", null, DutyLeader));
        var other = await grain.Apply(new CaseCommand(CaseCommandKind.Reopen, "另一个理由", null, DutyLeader));

        Assert.Equal(Outcome.Forbidden, byTownship.Outcome);
        Assert.Equal(Outcome.Ok, reopened.Outcome);
        Assert.Equal((County, CaseState.Whistled, 1), (reopened.Value!.CenterId, reopened.Value.State, reopened.Value.Reopens));
        Assert.Equal((Outcome.Unchanged, reopened.Value.Version), (retry.Outcome, retry.Value!.Version));
        Assert.Equal(Outcome.Conflict, other.Outcome);
        Assert.Contains("工资仍未到账", reopened.Value.Timeline.Last().Note);
    }

    [Fact]
    public async Task Reopen_AnOpenCase_Is409AndChangesNothing()
    {
        var grain = _engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId());
        await grain.Report(new ReportCase("tc-a-t1-g1", Category.Labour, "欠薪", CaseSource.Window, null, null, null, Commissioner));
        var version = (await grain.Get())!.Version;

        var result = await grain.Apply(new CaseCommand(CaseCommandKind.Reopen, "没修好", null, Commissioner));

        Assert.Equal(Outcome.Conflict, result.Outcome);
        Assert.Equal(("notReopenable", nameof(CaseState.Reported)), (result.Fault!.Code, result.Fault.Arg("state")));
        Assert.Equal(version, (await grain.Get())!.Version);
    }

    [Fact]
    public async Task FollowUp_NotVisitedInTime_IsFlaggedOverdueOnce_AndShownOnTheCaseRow()
    {
        var grain = await ResolvedCaseAsync();
        var due = (await grain.Get())!.FollowUpDueAt!.Value;
        await _engine.AdvanceAsync(due - Instant.FromDateTimeOffset(_engine.Time.GetUtcNow()) - Duration.FromMinutes(1));
        Assert.DoesNotContain((await grain.Get())!.Timeline, e => e.Kind == "followUpOverdue");

        await _engine.AdvanceAsync(Duration.FromMinutes(2));
        await _engine.AdvanceAsync(Duration.FromDays(3));

        var view = (await grain.Get())!;
        var flagged = Assert.Single(view.Timeline, e => e.Kind == "followUpOverdue");
        Assert.Equal(due, view.FollowUpDueAt);
        Assert.True(flagged.At >= due);
        Assert.Equal(0, await grain.DeliverOutbox());
        var row = (await _engine.CasesHandledByAsync(Township)).Single(c => c.Id == view.Id);
        Assert.Equal(due, row.FollowUpDueAt);
        Assert.True(row.IsFollowUpOverdueAt(Instant.FromDateTimeOffset(_engine.Time.GetUtcNow())));
        // A follow-up recorded late clears it.
        var late = await grain.FollowUp(new FollowUpCase(4, null, Commissioner));
        Assert.Null(late.Value!.FollowUpDueAt);
    }

    [Fact]
    public async Task Stats_CountReopenings_ForTheTownshipAndTheDepartmentThatResolvedIt()
    {
        var grain = await ResolvedCaseAsync();
        var reopened = (await grain.Apply(new CaseCommand(CaseCommandKind.Reopen, "又坏了", null, Commissioner))).Value!;
        Assert.Equal(0, await grain.DeliverOutbox());
        var day = reopened.Timeline.Last().At.InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;

        var township = await _engine.Stats.GetAsync(Township, StatsPeriod.Day, day);
        var police = await _engine.Stats.GetAsync("tc-a-t1-pol", StatsPeriod.Day, day);
        var judicial = await _engine.Stats.GetAsync("tc-a-t1-jud", StatsPeriod.Day, day);
        var county = await _engine.Stats.GetAsync(County, StatsPeriod.Day, day);

        Assert.Equal((1, 1, 0, 1), (township.Reopened, police.Reopened, judicial.Reopened, county.Reopened));
    }
}
