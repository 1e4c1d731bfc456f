using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Tests.Engine;

public sealed class WhistleTests : IAsyncLifetime
{
    private const string Township = "tc-a-t1";
    private EngineSilo _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineSilo.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<ICaseGrain> ReportAsync(Category category = Category.NeighbourDispute, CaseTier? tier = null, RiskColour? risk = null)
    {
        var grain = _engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId());
        var result = await grain.Report(new ReportCase("tc-a-t1-g1", category, "楼上漏水", CaseSource.Window, tier, risk, "张三",
            EngineSilo.Commissioner(Township)));
        Assert.Equal(Outcome.Ok, result.Outcome);
        return grain;
    }

    [Fact]
    public async Task Report_GridOfAnotherTownship_IsForbiddenAndStoresNothing()
    {
        var grain = _engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId());

        var result = await grain.Report(new ReportCase("tc-b-t1-g1", Category.Other, "x", CaseSource.Grid, null, null, null,
            EngineSilo.Commissioner(Township)));

        Assert.Equal(Outcome.Forbidden, result.Outcome);
        Assert.Null(await grain.Get());
    }

    [Fact]
    public async Task Report_UnknownGrid_IsInvalidNamingTheField()
    {
        var result = await _engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId()).Report(
            new ReportCase("no-such-grid", Category.Other, "x", CaseSource.Grid, null, null, null, EngineSilo.Admin));

        Assert.Equal((Outcome.Invalid, "gridId"), (result.Outcome, result.Field));
    }

    [Fact]
    public async Task Whistle_WithoutDepartments_RoutesByCategoryTownshipFirst()
    {
        var grain = await ReportAsync(Category.NeighbourDispute);

        var result = await grain.Whistle(new WhistleCase(null, null, null, "请速到场", EngineSilo.Commissioner(Township)));

        Assert.Equal(Outcome.Ok, result.Outcome);
        var departments = result.Value!.Select(s => s.DepartmentId).ToList();
        Assert.Contains("tc-a-t1-jud", departments);
        Assert.Contains("tc-a-t1-pol", departments);
        Assert.All(result.Value!, s => Assert.Equal(SummonsState.Issued, s.State));
        var view = (await grain.Get())!;
        Assert.Equal(CaseState.Whistled, view.State);
        Assert.Equal(departments.Count, view.Summonses.Count);
    }

    [Fact]
    public async Task Whistle_DeliversSummonsToDepartmentInboxAndCaseToCenterList()
    {
        var grain = await ReportAsync();
        var summons = (await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, EngineSilo.Commissioner(Township)))).Value!.Single();

        Assert.Equal(0, await grain.DeliverOutbox());
        var inbox = await _engine.InboxAsync("tc-a-t1-pol", openOnly: true);
        var cases = await _engine.CasesHandledByAsync(Township);

        Assert.Contains(inbox, s => s.Id == summons.Id);
        Assert.Contains(cases, c => c.Id == summons.CaseId && c.State == CaseState.Whistled);
    }

    [Fact]
    public async Task Whistle_Repeated_IsIdempotent()
    {
        var grain = await ReportAsync();
        var whistle = new WhistleCase(["tc-a-t1-pol", "tc-a-t1-jud"], null, null, null, EngineSilo.Commissioner(Township));
        await grain.Whistle(whistle);

        var again = await grain.Whistle(whistle);

        Assert.Equal(Outcome.Unchanged, again.Outcome);
        Assert.Equal(2, (await grain.Get())!.Summonses.Count);
    }

    [Fact]
    public async Task Whistle_RetriedWithItsRequestIdAfterTheSummonsEscalated_AnswersTheFirstSummonsesAndIssuesNone()
    {
        var grain = await ReportAsync(risk: RiskColour.Red);
        var whistle = new WhistleCase(["tc-a-t1-pol"], Duration.FromSeconds(5), Duration.FromMinutes(1), null, EngineSilo.Commissioner(Township), "req-1");
        var first = await grain.Whistle(whistle);
        await _engine.AdvanceAsync(Duration.FromSeconds(6));
        Assert.Equal(SummonsState.Escalated, (await grain.Get())!.Summonses.Single(s => s.Id == first.Value![0].Id).State);

        var retry = await grain.Whistle(whistle);
        var again = await grain.Whistle(whistle with { RequestId = "req-2" });

        Assert.Equal(Outcome.Unchanged, retry.Outcome);
        Assert.Equal(first.Value!.Select(s => s.Id), retry.Value!.Select(s => s.Id));
        Assert.Equal(Outcome.Ok, again.Outcome); // another request may summon the department again
        Assert.Equal(2, (await grain.Get())!.Summonses.Count(s => s.DepartmentId == "tc-a-t1-pol" && s.EscalationLevel == 0));
    }

    [Fact]
    public async Task Whistle_UnknownDepartment_IsInvalidAndChangesNothing()
    {
        var grain = await ReportAsync();

        var result = await grain.Whistle(new WhistleCase(["tc-a-t1-pol", "nope"], null, null, null, EngineSilo.Commissioner(Township)));

        Assert.Equal((Outcome.Invalid, "departmentIds"), (result.Outcome, result.Field));
        var view = (await grain.Get())!;
        Assert.Empty(view.Summonses);
        Assert.Equal(CaseState.Reported, view.State);
    }

    [Fact]
    public async Task Whistle_ByCommissionerOfAnotherTownship_IsForbidden()
    {
        var grain = await ReportAsync();

        var result = await grain.Whistle(new WhistleCase(null, null, null, null, EngineSilo.Commissioner("tc-a-t2")));

        Assert.Equal(Outcome.Forbidden, result.Outcome);
        Assert.Empty((await grain.Get())!.Summonses);
    }

    [Fact]
    public async Task Acknowledge_MovesSummonsAndCaseAndIsIdempotent()
    {
        var grain = await ReportAsync();
        var summons = (await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, EngineSilo.Commissioner(Township)))).Value!.Single();
        var act = new SummonsCommand(summons.Id, SummonsActionKind.Acknowledge, null, false, EngineSilo.Department("tc-a-t1-pol"));

        var first = await grain.ActOnSummons(act);
        var second = await grain.ActOnSummons(act);

        Assert.Equal(Outcome.Ok, first.Outcome);
        Assert.Equal(SummonsState.Acknowledged, first.Value!.State);
        Assert.Equal(_engine.Now, first.Value.AckedAt);
        Assert.Equal(Outcome.Unchanged, second.Outcome);
        Assert.Equal(CaseState.InProgress, (await grain.Get())!.State);
    }

    [Fact]
    public async Task Acknowledge_ByAnotherDepartment_IsForbidden()
    {
        var grain = await ReportAsync();
        var summons = (await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, EngineSilo.Commissioner(Township)))).Value!.Single();

        var result = await grain.ActOnSummons(new SummonsCommand(summons.Id, SummonsActionKind.Acknowledge, null, false,
            EngineSilo.Department("tc-a-t1-jud")));

        Assert.Equal(Outcome.Forbidden, result.Outcome);
        Assert.Equal(SummonsState.Issued, (await grain.Get())!.Summonses.Single().State);
    }

    [Fact]
    public async Task Lifecycle_ResolveCloseFollowUp_RecordsTimeline()
    {
        var grain = await ReportAsync(Category.Consultation, CaseTier.General, RiskColour.Blue);
        var commissioner = EngineSilo.Commissioner(Township);
        var summons = (await grain.Whistle(new WhistleCase(["tc-a-t1-jud"], null, null, null, commissioner))).Value!.Single();
        var department = EngineSilo.Department("tc-a-t1-jud");
        await grain.ActOnSummons(new SummonsCommand(summons.Id, SummonsActionKind.Arrive, null, false, department));
        await grain.ActOnSummons(new SummonsCommand(summons.Id, SummonsActionKind.Feedback, "已调解", true, department));

        Assert.Equal(Outcome.Conflict, (await grain.Apply(new CaseCommand(CaseCommandKind.Close, null, null, commissioner))).Outcome);
        Assert.Equal(Outcome.Ok, (await grain.Apply(new CaseCommand(CaseCommandKind.Resolve, "双方和解", null, commissioner))).Outcome);
        Assert.Equal(Outcome.Ok, (await grain.Apply(new CaseCommand(CaseCommandKind.Close, null, null, commissioner))).Outcome);
        Assert.Equal(Outcome.Ok, (await grain.FollowUp(new FollowUpCase(5, "满意", commissioner))).Outcome);

        var view = (await grain.Get())!;
        Assert.Equal(CaseState.FollowedUp, view.State);
        Assert.Equal(5, view.Satisfaction);
        Assert.Equal(["reported", "whistled", "arrived", "fedBack", "resolved", "closed", "followedUp"], view.Timeline.Select(t => t.Kind));
    }

    [Fact]
    public async Task Resolve_CancelsOpenSummonses()
    {
        var grain = await ReportAsync();
        var commissioner = EngineSilo.Commissioner(Township);
        await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, commissioner));

        await grain.Apply(new CaseCommand(CaseCommandKind.Resolve, "已处理", null, commissioner));

        Assert.Equal(SummonsState.Cancelled, (await grain.Get())!.Summonses.Single().State);
    }

    [Fact]
    public async Task Whistle_MajorTier_DutyLeaderTakesCase()
    {
        var grain = await ReportAsync(Category.PublicSecurity, CaseTier.Major, RiskColour.Red);

        await grain.Whistle(new WhistleCase(null, null, null, null, EngineSilo.Commissioner(Township)));

        var leader = (await grain.Get())!.Leader;
        Assert.NotNull(leader);
        Assert.Equal(EngineSilo.City.OnDutyAt("tc-a", _engine.Now).Name, leader.Name);
    }

    [Fact]
    public async Task Whistle_PublishesSummonsEventsScopedToDepartmentAndCenters()
    {
        var grain = await ReportAsync();
        _engine.Drain<object>();

        await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, EngineSilo.Commissioner(Township)));

        var summons = Assert.Single(_engine.Drain<SummonsChanged>());
        Assert.Contains("tc-a-t1-pol", summons.Scopes);
        Assert.Contains(Township, summons.Scopes);
        Assert.Contains("tc-a", summons.Scopes);
        Assert.Contains("tc", summons.Scopes);
    }

    [Fact]
    public async Task Report_ShowsInGridAndResolveClosesItThere()
    {
        var grain = await ReportAsync();
        var caseId = (await grain.Get())!.Id;
        Assert.Equal(0, await grain.DeliverOutbox());
        var before = await _engine.Views.GridAsync("tc-a-t1-g1");

        await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, EngineSilo.Commissioner(Township)));
        await grain.Apply(new CaseCommand(CaseCommandKind.Resolve, "已处理", null, EngineSilo.Commissioner(Township)));
        Assert.Equal(0, await grain.DeliverOutbox());
        var after = await _engine.Views.GridAsync("tc-a-t1-g1");

        Assert.Contains(before.OpenCases, c => c.Id == caseId);
        Assert.DoesNotContain(after.OpenCases, c => c.Id == caseId);
        Assert.Equal(before.Resolved + 1, after.Resolved);
    }

    [Fact]
    public async Task Whistle_MajorTier_DutyDeskLogsTheTake()
    {
        var grain = await ReportAsync(Category.PublicSecurity, CaseTier.Major, RiskColour.Red);

        await grain.Whistle(new WhistleCase(null, null, null, null, EngineSilo.Commissioner(Township)));
        Assert.Equal(0, await grain.DeliverOutbox());

        var caseId = (await grain.Get())!.Id;
        var take = Assert.Single(await _engine.Grains.GetGrain<IDutyGrain>("tc-a").Takes(), t => t.CaseId == caseId);
        var onDuty = await _engine.Grains.GetGrain<IDutyGrain>("tc-a").OnDuty(_engine.Now);
        Assert.Equal(onDuty!.Name, take.Name);
    }
}
