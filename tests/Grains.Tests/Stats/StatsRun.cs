using Dispatch.Grains.Domain;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Tests.Engine;
using NodaTime;

namespace Dispatch.Grains.Tests.Stats;

/// <summary>
/// A scripted run of cases on the test city from Monday 2026-11-23 09:00 to 2027-01-01 00:30 (Asia/Shanghai), shared
/// by the statistics tests: several townships and departments, acknowledgements on time and late, a decline,
/// escalations on every rung (summons, tier, manual, top of the ladder), resolutions, closures and follow-ups,
/// cases at 23:59 and 00:01 around a midnight, a week end, a month end and a quarter end.
/// </summary>
public sealed class StatsRun : IAsyncLifetime
{
    private readonly Dictionary<string, ICaseGrain> _cases = new(StringComparer.Ordinal);

    public EngineSilo Engine { get; private set; } = null!;

    /// <summary>The cases by script name (A1, B1, …).</summary>
    public IReadOnlyDictionary<string, ICaseGrain> Cases => _cases;

    /// <summary>Every case's view after the run.</summary>
    public IReadOnlyList<CaseView> Views { get; private set; } = [];

    /// <summary>Every escalation event published during the run.</summary>
    public List<EscalationRaised> Escalations { get; } = [];

    public static readonly LocalDate FirstDay = new(2026, 11, 23);
    public static readonly LocalDate LastDay = new(2027, 1, 1);

    public async Task InitializeAsync()
    {
        Engine = await EngineSilo.StartAsync();

        // Monday 2026-11-23
        var a1 = await ReportAsync("A1", "tc-a-t1-g1");
        await WhistleAsync(a1, 30, 120, "tc-a-t1-pol", "tc-a-t1-jud");
        await AtAsync(11, 23, 9, 10);
        await ActAsync(a1, "tc-a-t1-pol", SummonsActionKind.Acknowledge);
        await AtAsync(11, 23, 9, 20);
        var b1 = await ReportAsync("B1", "tc-a-t2-g1");
        await WhistleAsync(b1, 30, 120, "tc-a-t2-pol");
        await AtAsync(11, 23, 9, 25);
        await ActAsync(b1, "tc-a-t2-pol", SummonsActionKind.Arrive);
        await AtAsync(11, 23, 9, 30); // A1's judicial office missed its acknowledgement: the district justice bureau is summoned
        await AtAsync(11, 23, 9, 40);
        var c1 = await ReportAsync("C1", "tc-b-t1-g1");
        await WhistleAsync(c1, 10, 120, "tc-b-t1-pol", "tc-b-t1-jud");
        await AtAsync(11, 23, 9, 45);
        await ActAsync(c1, "tc-b-t1-jud", SummonsActionKind.Decline);
        await AtAsync(11, 23, 9, 48);
        await ActAsync(a1, "tc-a-jus", SummonsActionKind.Acknowledge);
        Jump(11, 23, 9, 55); // C1's reminder (09:50) has not fired yet: a late acknowledgement gets through
        await ActAsync(c1, "tc-b-t1-pol", SummonsActionKind.Acknowledge);
        await AtAsync(11, 23, 10, 0);
        await ActAsync(a1, "tc-a-t1-pol", SummonsActionKind.Arrive);
        await AtAsync(11, 23, 10, 10);
        await ActAsync(a1, "tc-a-t1-pol", SummonsActionKind.Feedback);
        await AtAsync(11, 23, 10, 30);
        await ApplyAsync(a1, CaseCommandKind.Resolve);
        await AtAsync(11, 23, 10, 40);
        await ApplyAsync(a1, CaseCommandKind.Close);
        await AtAsync(11, 23, 11, 0);
        await FollowUpAsync(a1, 5);
        await ApplyAsync(b1, CaseCommandKind.Resolve);
        await AtAsync(11, 23, 11, 5);
        await ApplyAsync(b1, CaseCommandKind.Close);
        await AtAsync(11, 23, 23, 59);
        var d1 = await ReportAsync("D1", "tc-a-t1-g2");
        await WhistleAsync(d1, 60, 240, "tc-a-t1-med");

        // Tuesday 2026-11-24
        await AtAsync(11, 24, 0, 1);
        var e1 = await ReportAsync("E1", "tc-a-t1-g3");
        await WhistleAsync(e1, 60, 240, "tc-a-t1-med");
        await AtAsync(11, 24, 0, 5);
        await ActAsync(d1, "tc-a-t1-med", SummonsActionKind.Acknowledge);
        await AtAsync(11, 24, 0, 30);
        await ActAsync(e1, "tc-a-t1-med", SummonsActionKind.Acknowledge);
        await AtAsync(11, 24, 9, 0);
        await ApplyAsync(c1, CaseCommandKind.Resolve);
        await AtAsync(11, 24, 9, 10);
        await FollowUpAsync(c1, 5);
        await AtAsync(11, 24, 9, 20);
        await ApplyAsync(c1, CaseCommandKind.Close);
        await AtAsync(11, 24, 10, 0);
        await ApplyAsync(d1, CaseCommandKind.Resolve);
        await AtAsync(11, 24, 10, 5);
        await ApplyAsync(d1, CaseCommandKind.Close);
        await AtAsync(11, 24, 10, 10);
        await FollowUpAsync(d1, 4);

        // Wednesday: a second, different follow-up visit of C1 is refused (a follow-up is recorded once).
        await AtAsync(11, 25, 10, 0);
        var second = await c1.FollowUp(new FollowUpCase(3, null, EngineSilo.Admin));
        Assert.True(second.Outcome == Outcome.Conflict, $"second follow-up: {second.Outcome} {second.Error}");

        // Sunday 23:59 and Monday 00:01: two weeks.
        await AtAsync(11, 29, 23, 59);
        await ReportAsync("F1", "tc-a-t2-g1");
        await AtAsync(11, 30, 0, 1);
        var g1 = await ReportAsync("G1", "tc-a-t2-g1");
        await WhistleAsync(g1, 120, 480, "tc-a-hrs");
        await AtAsync(11, 30, 1, 0);
        await ActAsync(g1, "tc-a-hrs", SummonsActionKind.Arrive);

        // Tuesday 2026-12-01: a new month; a manual escalation by the county's duty leader.
        await AtAsync(12, 1, 0, 1);
        var h1 = await ReportAsync("H1", "tc-b-t2-g1");
        await WhistleAsync(h1, 60, 240, "tc-b-t2-pol");
        await AtAsync(12, 1, 0, 20);
        await ActAsync(h1, "tc-b-t2-pol", SummonsActionKind.Acknowledge);
        await AtAsync(12, 1, 10, 0);
        var escalated = await h1.Apply(new CaseCommand(CaseCommandKind.Escalate, "涉及多个部门", null, EngineSilo.DutyLeader("tc-b")));
        Assert.Equal(Outcome.Ok, escalated.Outcome);
        await AtAsync(12, 1, 10, 30);
        await ApplyAsync(h1, CaseCommandKind.Resolve);

        // The quarter ends: Thursday 2026-12-31 23:59 and Friday 2027-01-01 00:01.
        await AtAsync(12, 31, 23, 59);
        var q1 = await ReportAsync("Q1", "tc-b-t1-g1");
        await WhistleAsync(q1, 30, 120, "tc-b-t1-pol");
        await AtAsync(1, 1, 0, 1, 2027);
        var q2 = await ReportAsync("Q2", "tc-b-t1-g1");
        await WhistleAsync(q2, 30, 120, "tc-b-t1-pol");
        await AtAsync(1, 1, 0, 10, 2027);
        await ActAsync(q1, "tc-b-t1-pol", SummonsActionKind.Acknowledge);
        await ActAsync(q2, "tc-b-t1-pol", SummonsActionKind.Acknowledge);
        await AtAsync(1, 1, 0, 20, 2027);
        await ApplyAsync(q1, CaseCommandKind.Resolve);
        await AtAsync(1, 1, 0, 30, 2027);

        foreach (var (name, grain) in _cases)
        {
            Assert.True(await grain.DeliverOutbox() == 0, $"case {name} still has undelivered copies");
        }
        Views = (await Task.WhenAll(_cases.Values.Select(async g => (await g.Get())!))).ToList();
        Escalations.AddRange(Engine.Drain<EscalationRaised>());
    }

    public async Task DisposeAsync() => await Engine.DisposeAsync();

    /// <summary>The view of the case the script named <paramref name="name"/>.</summary>
    public async Task<CaseView> ViewAsync(string name) => (await _cases[name].Get())!;

    private async Task<ICaseGrain> ReportAsync(string name, string grid)
    {
        var grain = Engine.Grains.GetGrain<ICaseGrain>(EngineSilo.NewCaseId());
        var result = await grain.Report(new ReportCase(grid, Category.NeighbourDispute, $"案例{name}", CaseSource.Grid,
            CaseTier.General, RiskColour.Blue, null, EngineSilo.Admin));
        Assert.Equal(Outcome.Ok, result.Outcome);
        _cases[name] = grain;
        return grain;
    }

    private static async Task WhistleAsync(ICaseGrain grain, int ackMinutes, int arriveMinutes, params string[] departments)
    {
        var result = await grain.Whistle(new WhistleCase(departments, Duration.FromMinutes(ackMinutes), Duration.FromMinutes(arriveMinutes),
            null, EngineSilo.Admin));
        Assert.Equal(Outcome.Ok, result.Outcome);
    }

    private static async Task ActAsync(ICaseGrain grain, string department, SummonsActionKind kind)
    {
        var view = (await grain.Get())!;
        var summons = view.Summonses.Last(s => s.DepartmentId == department);
        var result = await grain.ActOnSummons(new SummonsCommand(summons.Id, kind, "处理情况", kind == SummonsActionKind.Feedback,
            EngineSilo.Department(department)));
        Assert.True(result.Outcome == Outcome.Ok, $"{kind} of {summons.Id} ({summons.State}): {result.Outcome} {result.Error}");
    }

    private static async Task ApplyAsync(ICaseGrain grain, CaseCommandKind kind)
    {
        var result = await grain.Apply(new CaseCommand(kind, "已化解", null, EngineSilo.Admin));
        Assert.True(result.Outcome == Outcome.Ok, $"{kind}: {result.Outcome} {result.Error}");
    }

    private static async Task FollowUpAsync(ICaseGrain grain, int satisfaction)
    {
        var result = await grain.FollowUp(new FollowUpCase(satisfaction, null, EngineSilo.Admin));
        Assert.True(result.Outcome == Outcome.Ok, $"follow-up: {result.Outcome} {result.Error}");
    }

    /// <summary>Moves the clock to a local time and fires every reminder due by then.</summary>
    private Task AtAsync(int month, int day, int hour, int minute, int year = 2026)
        => Engine.AdvanceAsync(Local(year, month, day, hour, minute) - Engine.Now);

    /// <summary>Moves the clock without firing reminders (a reminder delivered late).</summary>
    private void Jump(int month, int day, int hour, int minute, int year = 2026)
        => Engine.Time.SetUtcNow(Local(year, month, day, hour, minute).ToDateTimeOffset());

    private static Instant Local(int year, int month, int day, int hour, int minute)
        => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(ChinaTime.Zone).ToInstant();
}
