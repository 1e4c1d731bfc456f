using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Storage;
using Dispatch.Testing;
using NodaTime;

namespace Dispatch.Grains.Tests.Engine;

/// <summary>The escalation ladder end to end with a manual clock, on SQLite and PostgreSQL.</summary>
public abstract class EscalationTests : IAsyncLifetime
{
    private const string Township = "tc-a-t1";
    private EngineSilo _engine = null!;

    protected abstract Task<StoreOptions> NewStoreAsync();

    public async Task InitializeAsync() => _engine = await EngineSilo.StartAsync(await NewStoreAsync());

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<ICaseGrain> WhistledAsync(RiskColour risk, CaseTier tier, params string[] departments)
    {
        var grain = _engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId());
        await grain.Report(new ReportCase("tc-a-t1-g1", Category.PublicSecurity, "夜间斗殴", CaseSource.Grid, tier, risk, null,
            EngineSilo.Commissioner(Township)));
        var whistle = await grain.Whistle(new WhistleCase(departments, null, null, null, EngineSilo.Commissioner(Township)));
        Assert.Equal(Outcome.Ok, whistle.Outcome);
        return grain;
    }

    [Fact]
    public async Task Ladder_RedAckMissedAtEachLevel_ClimbsToCityThenDutyLeaderTakesCase()
    {
        var grain = await WhistledAsync(RiskColour.Red, CaseTier.General, "tc-a-t1-pol");
        _engine.Drain<object>();

        await _engine.AdvanceAsync(Duration.FromMinutes(14));
        Assert.Empty(_engine.Drain<EscalationRaised>());

        await _engine.AdvanceAsync(Duration.FromMinutes(1));
        var first = Assert.Single(_engine.Drain<EscalationRaised>()).Escalation;
        Assert.Equal(("ack", "tc-a-t1-pol", "tc-a-psb", 1), (first.Kind, first.FromDepartmentId, first.ToDepartmentId, first.EscalationLevel));
        Assert.Equal(first.DueAt, first.At);

        await _engine.AdvanceAsync(Duration.FromMinutes(15));
        var second = Assert.Single(_engine.Drain<EscalationRaised>()).Escalation;
        Assert.Equal(("tc-a-psb", "tc-psb", 2, "tc"), (second.FromDepartmentId, second.ToDepartmentId, second.EscalationLevel, second.ToCenterId));

        await _engine.AdvanceAsync(Duration.FromMinutes(15));
        var top = Assert.Single(_engine.Drain<EscalationRaised>()).Escalation;
        Assert.Equal("leader", top.Kind);

        var view = (await grain.Get())!;
        Assert.Equal(EngineSilo.City.OnDutyAt("tc-a", _engine.Now).Name, view.Leader?.Name);
        Assert.Equal([SummonsState.Escalated, SummonsState.Escalated, SummonsState.Escalated], view.Summonses.Select(s => s.State));
        Assert.Equal([0, 1, 2], view.Summonses.Select(s => s.EscalationLevel));
        Assert.Equal(view.Summonses[1].Id, view.Summonses[0].EscalatedTo);
    }

    [Fact]
    public async Task Timeline_WhistleAndLadder_RecordedAsDataWithNoEngineText()
    {
        var grain = await WhistledAsync(RiskColour.Red, CaseTier.General, "tc-a-t1-pol");
        var whistledAt = _engine.Now;
        await _engine.AdvanceAsync(Duration.FromMinutes(15));
        await _engine.AdvanceAsync(Duration.FromMinutes(15));
        await _engine.AdvanceAsync(Duration.FromMinutes(15));

        var view = (await grain.Get())!;
        var whistled = view.Timeline.Single(t => t.Kind == "whistled");
        Assert.Equal((Actor.Commissioner, Township, $"政法委员@{Township}"), (whistled.ActorRole, whistled.ActorScope, whistled.ActorName));
        Assert.Equal(["tc-a-t1-pol"], whistled.DepartmentIds!);
        Assert.Equal([view.Summonses[0].Id], whistled.SummonsIds!);
        var steps = view.Timeline.Where(t => t.Kind == "escalated").ToList();
        Assert.Equal([TimelineEntry.Summoned, TimelineEntry.Summoned, TimelineEntry.LeaderTakes], steps.Select(s => s.Step));
        Assert.All(steps, s => Assert.Equal(("ack", Actor.System), (s.Reason, s.ActorRole)));
        Assert.Equal(["tc-a-t1-pol", "tc-a-psb"], steps[0].DepartmentIds!);
        Assert.Equal([view.Summonses[0].Id, view.Summonses[1].Id], steps[0].SummonsIds!);
        Assert.Equal(whistledAt + Duration.FromMinutes(15), steps[0].DueAt);
        Assert.Equal(["tc-psb"], steps[2].DepartmentIds!);
        var take = view.Timeline.Single(t => t.Kind == "leaderTookCase");
        var onDuty = EngineSilo.City.OnDutyAt("tc-a", _engine.Now);
        Assert.Equal((onDuty.Name, "ack"), (take.LeaderName, take.Reason));
        Assert.Equal(["tc-a"], take.CenterIds!);
        Assert.Equal(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(onDuty.Role.ToString()), take.LeaderRole);
        Assert.Equal("ack", view.Leader!.ReasonCode);
        // Nobody typed anything: no entry carries a note (the engine writes no sentences).
        Assert.All(view.Timeline, t => Assert.Null(t.Note));
    }

    [Fact]
    public async Task Timeline_ManualEscalation_KeepsTheTypedReasonAsNote()
    {
        var grain = await WhistledAsync(RiskColour.Blue, CaseTier.General, "tc-a-t1-pol");

        await grain.Apply(new CaseCommand(CaseCommandKind.Escalate, "群众情绪激动", null, EngineSilo.DutyLeader("tc-a")));

        var step = (await grain.Get())!.Timeline[^1];
        Assert.Equal(("escalated", "manual", TimelineEntry.MovedUp, "群众情绪激动"), (step.Kind, step.Reason, step.Step, step.Note));
        Assert.Equal([Township, "tc-a"], step.CenterIds!);
    }

    [Fact]
    public async Task Ladder_AcknowledgedButNotArrived_EscalatesOnArrivalDeadline()
    {
        var grain = await WhistledAsync(RiskColour.Red, CaseTier.General, "tc-a-t1-jud");
        var summons = (await grain.Get())!.Summonses.Single();
        await grain.ActOnSummons(new SummonsCommand(summons.Id, SummonsActionKind.Acknowledge, null, false, EngineSilo.Department("tc-a-t1-jud")));
        _engine.Drain<object>();

        await _engine.AdvanceAsync(Duration.FromMinutes(29));
        Assert.Empty(_engine.Drain<EscalationRaised>());
        await _engine.AdvanceAsync(Duration.FromMinutes(1));

        var escalation = Assert.Single(_engine.Drain<EscalationRaised>()).Escalation;
        Assert.Equal(("arrive", "tc-a-jus"), (escalation.Kind, escalation.ToDepartmentId));
    }

    [Fact]
    public async Task Ladder_AcknowledgedInTime_DoesNotEscalateOnAck()
    {
        var grain = await WhistledAsync(RiskColour.Red, CaseTier.General, "tc-a-t1-pol");
        var summons = (await grain.Get())!.Summonses.Single();
        var department = EngineSilo.Department("tc-a-t1-pol");
        await grain.ActOnSummons(new SummonsCommand(summons.Id, SummonsActionKind.Acknowledge, null, false, department));
        await grain.ActOnSummons(new SummonsCommand(summons.Id, SummonsActionKind.Arrive, null, false, department));
        _engine.Drain<object>();

        await _engine.AdvanceAsync(Duration.FromHours(1));

        Assert.Empty(_engine.Drain<EscalationRaised>());
        Assert.Equal(SummonsState.Arrived, (await grain.Get())!.Summonses.Single().State);
    }

    [Fact]
    public async Task Deadline_SurvivesRestart_AndFiresWhenDueWhileDown()
    {
        var grain = await WhistledAsync(RiskColour.Red, CaseTier.General, "tc-a-t1-pol");
        var caseId = (await grain.Get())!.Id;
        await _engine.RestartAsync();

        await _engine.AdvanceAsync(Duration.FromMinutes(20));

        var view = (await _engine.Grains.GetGrain<ICaseGrain>(caseId).Get())!;
        Assert.Equal(0, await _engine.Grains.GetGrain<ICaseGrain>(caseId).DeliverOutbox());
        Assert.Equal(SummonsState.Escalated, view.Summonses[0].State);
        Assert.Equal("tc-a-psb", view.Summonses[1].DepartmentId);
        Assert.Contains(view.Summonses[1].Id, (await _engine.InboxAsync("tc-a-psb", true)).Select(s => s.Id));
    }

    [Fact]
    public async Task TierDeadline_SimpleCaseUnresolvedByEndOfDay_MovesToCounty()
    {
        var grain = await WhistledAsync(RiskColour.Blue, CaseTier.Simple, "tc-a-t1-med");
        var view = (await grain.Get())!;
        Assert.NotNull(view.DueAt);
        _engine.Drain<object>();

        await _engine.SetAsync(view.DueAt!.Value);

        var moved = (await grain.Get())!;
        Assert.Equal(("tc-a", CenterLevel.County), (moved.CenterId, moved.Level));
        Assert.Contains(_engine.Drain<EscalationRaised>(), e => e.Escalation.Kind == "tier" && e.Escalation.ToCenterId == "tc-a");
        Assert.Equal(0, await grain.DeliverOutbox());
        Assert.Contains(await _engine.CasesHandledByAsync("tc-a"), c => c.Id == moved.Id);
        Assert.DoesNotContain(await _engine.CasesHandledByAsync(Township), c => c.Id == moved.Id);
    }

    [Fact]
    public async Task ManualEscalate_ByDutyLeader_MovesUpAndPublishes()
    {
        var grain = await WhistledAsync(RiskColour.Orange, CaseTier.General, "tc-a-t1-pol");
        _engine.Drain<object>();

        var result = await grain.Apply(new CaseCommand(CaseCommandKind.Escalate, "群体性风险", null, EngineSilo.DutyLeader("tc-a")));

        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Equal("tc-a", result.Value!.CenterId);
        Assert.Equal("manual", Assert.Single(_engine.Drain<EscalationRaised>()).Escalation.Kind);
    }

    [Fact]
    public async Task DutyLeaderOfAnotherCounty_CannotTakeOrSupervise()
    {
        var grain = await WhistledAsync(RiskColour.Orange, CaseTier.General, "tc-a-t1-pol");

        var take = await grain.Apply(new CaseCommand(CaseCommandKind.Take, null, null, EngineSilo.DutyLeader("tc-b")));
        var supervise = await grain.Apply(new CaseCommand(CaseCommandKind.Supervise, "加快", null, EngineSilo.DutyLeader("tc-b")));

        Assert.Equal((Outcome.Forbidden, Outcome.Forbidden), (take.Outcome, supervise.Outcome));
        Assert.Null((await grain.Get())!.Leader);
    }

    [Fact]
    public async Task Take_ByDutyLeader_RecordsLeader()
    {
        var grain = await WhistledAsync(RiskColour.Orange, CaseTier.General, "tc-a-t1-pol");

        var result = await grain.Apply(new CaseCommand(CaseCommandKind.Take, null, null, EngineSilo.DutyLeader("tc-a")));

        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Equal("值班领导@tc-a", result.Value!.Leader?.Name);
    }
}

public sealed class SqliteEscalationTests : EscalationTests
{
    protected override Task<StoreOptions> NewStoreAsync() => Task.FromResult(StoreOptions.Sqlite(TestDatabases.NewSqliteFile()));
}

public sealed class PostgresEscalationTests : EscalationTests
{
    protected override async Task<StoreOptions> NewStoreAsync() => StoreOptions.Postgres(await TestDatabases.NewPostgresDatabaseAsync());
}
