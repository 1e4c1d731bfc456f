using System.Net;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Tests.Infrastructure;
using NodaTime;

namespace Dispatch.Silo.Tests.Api;

/// <summary>A case's whole life over HTTP, run on SQLite and on PostgreSQL (see the subclasses).</summary>
public abstract class CaseFlowTests(SiloHost host)
{
    protected const string Township = "tc-a-t1";
    protected const string County = "tc-a";
    protected const string Grid = "tc-a-t1-g1";
    protected const string PoliceStation = "tc-a-t1-pol";
    protected const string JudicialOffice = "tc-a-t1-jud";

    protected SiloHost Host => host;

    private Task<HttpClient> CommissionerAsync() => host.ClientAsync("commissioner", Township);

    private async Task<CaseView> ReportAsync(HttpClient client, string category = "neighbourDispute", object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["gridId"] = Grid, ["category"] = category, ["summary"] = "楼上漏水，邻里纠纷", ["source"] = "window", ["reporter"] = "张三",
        };
        if (extra is not null)
        {
            foreach (var p in extra.GetType().GetProperties())
                body[p.Name] = p.GetValue(extra);
        }
        using var response = await client.PostJsonAsync("/api/v1/cases", body);
        var view = await response.ReadAsync<CaseView>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/cases/{view.Id}", response.Headers.Location?.OriginalString);
        return view;
    }

    private static async Task<SummonsView[]> WhistleAsync(HttpClient client, string caseId, object body)
    {
        using var response = await client.PostJsonAsync($"/api/v1/cases/{caseId}/whistle", body);
        return await response.ReadAsync<SummonsView[]>();
    }

    [Fact]
    public async Task PostCases_Commissioner_Returns201WithLocationAndTheCase()
    {
        using var client = await CommissionerAsync();

        var created = await ReportAsync(client);

        Assert.Equal((Grid, Township, Township, CenterLevel.Township, CaseState.Reported), (created.GridId, created.TownshipId, created.CenterId, created.Level, created.State));
        Assert.Equal(Category.NeighbourDispute, created.Category);
        using var response = await client.GetAsync($"/api/v1/cases/{created.Id}");
        var read = await response.ReadAsync<CaseView>();
        Assert.Equal(created.Id, read.Id);
        var today = host.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;
        Assert.Matches($"^C-{today:yyyyMMdd}-\\d{{6}}$", created.Id);
        Assert.Equal("reported", Assert.Single(read.Timeline).Kind);
    }

    [Fact]
    public async Task CaseLifecycle_EveryStep_AdvancesTheCase()
    {
        using var commissioner = await CommissionerAsync();
        using var police = await host.ClientAsync("department", PoliceStation);
        var created = await ReportAsync(commissioner);

        using (var triage = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/triage", new { tier = "general", risk = "orange", note = "三定" }))
        {
            var triaged = await triage.ReadAsync<CaseView>();
            Assert.Equal((CaseState.Triaged, CaseTier.General, RiskColour.Orange), (triaged.State, triaged.Tier, triaged.Risk));
            Assert.NotNull(triaged.DueAt);
        }
        var summonses = await WhistleAsync(commissioner, created.Id, new { departmentIds = new[] { PoliceStation, JudicialOffice }, ackWithin = "PT30M", note = "请速到场" });
        Assert.Equal([PoliceStation, JudicialOffice], summonses.Select(s => s.DepartmentId).ToArray());
        var summons = summonses[0];
        Assert.Equal(summons.IssuedAt + Duration.FromMinutes(30), summons.AckDueAt);

        await host.DeliverAsync(created.Id);
        using (var inbox = await police.GetAsync($"/api/v1/departments/{PoliceStation}/summonses"))
            Assert.Contains(await inbox.ReadAsync<SummonsView[]>(), s => s.Id == summons.Id && s.State == SummonsState.Issued);
        using (var read = await police.GetAsync($"/api/v1/cases/{created.Id}"))
            Assert.Equal(CaseState.Whistled, (await read.ReadAsync<CaseView>()).State);

        using (var ack = await police.PostJsonAsync($"/api/v1/summonses/{summons.Id}/ack"))
            Assert.Equal(SummonsState.Acknowledged, (await ack.ReadAsync<SummonsView>()).State);
        using (var arrive = await police.PostJsonAsync($"/api/v1/summonses/{summons.Id}/arrive", new { note = "已到场" }))
            Assert.Equal(SummonsState.Arrived, (await arrive.ReadAsync<SummonsView>()).State);
        using (var progress = await police.PostJsonAsync($"/api/v1/summonses/{summons.Id}/feedback", new { note = "调解中", done = false }))
            Assert.Equal(SummonsState.Arrived, (await progress.ReadAsync<SummonsView>()).State);
        using (var feedback = await police.PostJsonAsync($"/api/v1/summonses/{summons.Id}/feedback", new { note = "已调解", done = true }))
            Assert.Equal(SummonsState.FedBack, (await feedback.ReadAsync<SummonsView>()).State);
        using (var decline = await (await host.ClientAsync("department", JudicialOffice)).PostJsonAsync($"/api/v1/summonses/{summonses[1].Id}/decline", new { reason = "非本部门职责" }))
            Assert.Equal(SummonsState.Declined, (await decline.ReadAsync<SummonsView>()).State);

        using (var resolve = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/resolve", new { outcome = "双方达成协议", note = "当场履行" }))
            Assert.Equal(CaseState.Resolved, (await resolve.ReadAsync<CaseView>()).State);
        using (var close = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/close"))
            Assert.Equal(CaseState.Closed, (await close.ReadAsync<CaseView>()).State);
        using (var followUp = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/follow-up", new { satisfaction = 5, note = "满意" }))
        {
            var done = await followUp.ReadAsync<CaseView>();
            Assert.Equal((CaseState.FollowedUp, 5), (done.State, done.Satisfaction));
            Assert.Equal(
                ["reported", "triaged", "whistled", "acknowledged", "arrived", "feedback", "fedBack", "declined", "resolved", "closed", "followedUp"],
                done.Timeline.Select(t => t.Kind).ToArray());
        }
    }

    [Fact]
    public async Task Resolve_Repeated_Returns200Unchanged()
    {
        using var commissioner = await CommissionerAsync();
        var created = await ReportAsync(commissioner);
        await WhistleAsync(commissioner, created.Id, new { departmentIds = new[] { PoliceStation } });
        using var first = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/resolve", new { outcome = "已化解" });
        var resolved = await first.ReadAsync<CaseView>();

        using var again = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/resolve", new { outcome = "已化解" });

        var repeated = await again.ReadAsync<CaseView>();
        Assert.Equal((CaseState.Resolved, resolved.Version), (repeated.State, repeated.Version));
    }

    [Fact]
    public async Task PostFollowUp_RepeatedSame200Unchanged_Different409()
    {
        using var commissioner = await CommissionerAsync();
        var created = await ReportAsync(commissioner);
        await WhistleAsync(commissioner, created.Id, new { departmentIds = new[] { PoliceStation } });
        (await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/resolve", new { outcome = "已化解" })).Dispose();
        using var first = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/follow-up", new { satisfaction = 5 });
        var followed = await first.ReadAsync<CaseView>();

        using var same = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/follow-up", new { satisfaction = 5 });
        using var different = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/follow-up", new { satisfaction = 2 });

        Assert.Equal(followed.Version, (await same.ReadAsync<CaseView>()).Version);
        await different.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        using var read = await commissioner.GetAsync($"/api/v1/cases/{created.Id}");
        Assert.Equal(5, (await read.ReadAsync<CaseView>()).Satisfaction);
    }

    [Fact]
    public async Task PostWhistle_ArriveWithinShorterThanAckWithin_Returns400_OtherDeadlinesForAnOpenSummons409()
    {
        using var commissioner = await CommissionerAsync();
        var created = await ReportAsync(commissioner);

        using (var shorter = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/whistle",
                   new { departmentIds = new[] { PoliceStation }, ackWithin = "PT1H", arriveWithin = "PT30M" }))
            await shorter.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "arriveWithin");
        var issued = await WhistleAsync(commissioner, created.Id, new { departmentIds = new[] { PoliceStation }, ackWithin = "PT1H" });
        using var changed = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/whistle",
            new { departmentIds = new[] { PoliceStation }, ackWithin = "PT10M" });

        var problem = await changed.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Contains(issued[0].Id, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CaseMovedUpToTheCounty_CommissionerReadsButCannotAct_DutyLeaderResolves()
    {
        using var commissioner = await CommissionerAsync();
        using var leader = await host.ClientAsync("dutyLeader", County);
        var created = await ReportAsync(commissioner);
        await WhistleAsync(commissioner, created.Id, new { departmentIds = new[] { PoliceStation } });
        (await leader.PostJsonAsync($"/api/v1/cases/{created.Id}/escalate", new { reason = "涉及多部门" })).Dispose();

        using var read = await commissioner.GetAsync($"/api/v1/cases/{created.Id}");
        using var resolveByCommissioner = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/resolve", new { outcome = "已化解" });
        using var resolveByLeader = await leader.PostJsonAsync($"/api/v1/cases/{created.Id}/resolve", new { outcome = "已化解" });

        Assert.Equal(County, (await read.ReadAsync<CaseView>()).CenterId);
        await resolveByCommissioner.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(CaseState.Resolved, (await resolveByLeader.ReadAsync<CaseView>()).State);
    }

    [Fact]
    public async Task PostClose_BeforeResolve_Returns409()
    {
        using var commissioner = await CommissionerAsync();
        var created = await ReportAsync(commissioner);

        using var response = await commissioner.PostJsonAsync($"/api/v1/cases/{created.Id}/close", new { note = "结案" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        using var read = await commissioner.GetAsync($"/api/v1/cases/{created.Id}");
        Assert.Equal(CaseState.Reported, (await read.ReadAsync<CaseView>()).State);
    }

    [Fact]
    public async Task PostWhistle_WithoutDepartments_RoutesByCategoryAndTerritory()
    {
        using var commissioner = await CommissionerAsync();
        var created = await ReportAsync(commissioner, "neighbourDispute");

        using var response = await commissioner.PostAsync($"/api/v1/cases/{created.Id}/whistle", content: null);

        var summonses = await response.ReadAsync<SummonsView[]>();
        Assert.Contains(summonses, s => s.DepartmentId == PoliceStation);
        Assert.Contains(summonses, s => s.DepartmentId == JudicialOffice);
        Assert.All(summonses, s => Assert.Equal(SummonsState.Issued, s.State));
    }

    [Fact]
    public async Task GetCases_ForTownshipAndCounty_ListsTheCaseWithFilters()
    {
        using var commissioner = await CommissionerAsync();
        using var leader = await host.ClientAsync("dutyLeader", County);
        using var admin = await host.ClientAsync("admin");
        var created = await ReportAsync(commissioner, extra: new { tier = "simple", risk = "blue" });
        await host.DeliverAsync(created.Id);

        using (var own = await commissioner.GetAsync("/api/v1/cases?pageSize=200"))
            Assert.Contains((await own.ReadAsync<CasePage>()).Items, s => s.Id == created.Id);
        using (var county = await leader.GetAsync($"/api/v1/cases?center={County}&state=reported&pageSize=200"))
        {
            var page = await county.ReadAsync<CasePage>();
            Assert.Contains(page.Items, s => s.Id == created.Id);
            Assert.All(page.Items, s => Assert.Equal(CaseState.Reported, s.State));
            Assert.Equal((1, 200), (page.Page, page.PageSize));
        }
        using (var city = await admin.GetAsync("/api/v1/cases?state=reported&overdue=false&pageSize=200"))
            Assert.Contains((await city.ReadAsync<CasePage>()).Items, s => s.Id == created.Id);
        using (var overdue = await admin.GetAsync("/api/v1/cases?center=tc&overdue=true&pageSize=200"))
            Assert.DoesNotContain((await overdue.ReadAsync<CasePage>()).Items, s => s.Id == created.Id);
        using (var other = await admin.GetAsync("/api/v1/cases?center=tc-b"))
            Assert.DoesNotContain((await other.ReadAsync<CasePage>()).Items, s => s.Id == created.Id);
        using (var paged = await admin.GetAsync($"/api/v1/cases?center={County}&page=1&pageSize=1"))
        {
            var page = await paged.ReadAsync<CasePage>();
            Assert.Single(page.Items);
            Assert.True(page.Total >= 1);
        }
    }

    [Fact]
    public async Task DutyLeader_EscalateSuperviseTake_ChangeTheCase()
    {
        using var commissioner = await CommissionerAsync();
        using var leader = await host.ClientAsync("dutyLeader", County);
        var created = await ReportAsync(commissioner);
        await WhistleAsync(commissioner, created.Id, new { departmentIds = new[] { PoliceStation } });

        using (var supervise = await leader.PostJsonAsync($"/api/v1/cases/{created.Id}/supervise", new { note = "请加快办理" }))
            Assert.Equal("supervised", (await supervise.ReadAsync<CaseView>()).Timeline[^1].Kind);
        using (var escalate = await leader.PostJsonAsync($"/api/v1/cases/{created.Id}/escalate", new { reason = "涉及多部门" }))
        {
            var escalated = await escalate.ReadAsync<CaseView>();
            Assert.Equal((County, CenterLevel.County), (escalated.CenterId, escalated.Level));
        }
        using (var take = await leader.PostJsonAsync($"/api/v1/cases/{created.Id}/take", new { reason = "领导包案" }))
        {
            var taken = await take.ReadAsync<CaseView>();
            Assert.NotNull(taken.Leader);
            Assert.Equal("dutyLeader", taken.Leader.Role);
        }
        using var again = await leader.PostAsync($"/api/v1/cases/{created.Id}/take", content: null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task GetStream_AfterWhistle_ReceivesSummonsEvent()
    {
        using var commissioner = await CommissionerAsync();
        var created = await ReportAsync(commissioner);
        await using var stream = await ServerSentEventReader.OpenAsync(commissioner, Township);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);

        var summonses = await WhistleAsync(commissioner, created.Id, new { departmentIds = new[] { PoliceStation } });

        var summons = await stream.NextAsync("summons", e => e.GetProperty("caseId").GetString() == created.Id);
        Assert.Equal(summonses[0].Id, summons.GetProperty("id").GetString());
        Assert.Equal("issued", summons.GetProperty("state").GetString());
        var change = await stream.ReceivedOrNextAsync("case", e => e.GetProperty("id").GetString() == created.Id);
        Assert.Equal("whistled", change.GetProperty("state").GetString());
    }

    [Fact]
    public async Task GetStream_AfterAckDeadlinePasses_ReceivesEscalationEvent()
    {
        using var commissioner = await CommissionerAsync();
        using var leader = await host.ClientAsync("dutyLeader", County);
        var created = await ReportAsync(commissioner);
        var summons = (await WhistleAsync(commissioner, created.Id, new { departmentIds = new[] { PoliceStation }, ackWithin = "PT1M" }))[0];
        await using var stream = await ServerSentEventReader.OpenAsync(leader, County);

        await host.AdvanceAsync(Duration.FromMinutes(2));

        var escalation = await stream.NextAsync("escalation", e => e.GetProperty("caseId").GetString() == created.Id);
        Assert.Equal(("ack", summons.Id), (escalation.GetProperty("kind").GetString(), escalation.GetProperty("summonsId").GetString()));
        using var read = await leader.GetAsync($"/api/v1/cases/{created.Id}");
        Assert.Equal(SummonsState.Escalated, (await read.ReadAsync<CaseView>()).Summonses.Single(s => s.Id == summons.Id).State);
    }

    [Fact]
    public async Task GetDepartmentSummonses_StateAll_IncludesClosedOnes()
    {
        using var commissioner = await CommissionerAsync();
        using var office = await host.ClientAsync("department", JudicialOffice);
        var created = await ReportAsync(commissioner);
        var summons = (await WhistleAsync(commissioner, created.Id, new { departmentIds = new[] { JudicialOffice } }))[0];
        using (var decline = await office.PostJsonAsync($"/api/v1/summonses/{summons.Id}/decline", new { reason = "不属于本所" }))
            Assert.Equal(SummonsState.Declined, (await decline.ReadAsync<SummonsView>()).State);
        await host.DeliverAsync(created.Id);

        using var open = await office.GetAsync($"/api/v1/departments/{JudicialOffice}/summonses?state=open");
        using var all = await office.GetAsync($"/api/v1/departments/{JudicialOffice}/summonses?state=all");

        Assert.DoesNotContain(await open.ReadAsync<SummonsView[]>(), s => s.Id == summons.Id);
        Assert.Contains(await all.ReadAsync<SummonsView[]>(), s => s.Id == summons.Id && s.State == SummonsState.Declined);
    }
}

