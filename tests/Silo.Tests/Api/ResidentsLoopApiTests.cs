using System.Net;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Tests.Infrastructure;
using NodaTime;

namespace Dispatch.Silo.Tests.Api;

/// <summary>
/// The residents' loop over HTTP: POST /cases/{id}/reopen and an unsatisfied follow-up reopen a case, summon the
/// department that resolved it again, and count in the statistics (JSON and CSV); bad input changes nothing.
/// </summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class ResidentsLoopApiTests(SqliteSiloFixture fixture)
{
    private const string Township = "tc-a-t2";
    private const string Police = "tc-a-t2-pol";
    private readonly SiloHost _host = fixture.Host;

    private string Today => _host.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date.ToString("yyyy-MM-dd", null);

    /// <summary>Reported, whistled to the police station, fixed by it (arrived, fed back done), resolved.</summary>
    private async Task<CaseView> ResolvedCaseAsync(HttpClient commissioner)
    {
        using var police = await _host.ClientAsync("department", Police);
        using var created = await commissioner.PostJsonAsync("/api/v1/cases",
            new { gridId = "tc-a-t2-g1", category = "publicSecurity", summary = "路灯不亮", source = "hotline" });
        var caseId = (await created.ReadAsync<CaseView>(HttpStatusCode.Created)).Id;
        using var whistle = await commissioner.PostJsonAsync($"/api/v1/cases/{caseId}/whistle", new { departmentIds = new[] { Police } });
        var summons = (await whistle.ReadAsync<SummonsView[]>()).Single();
        using (var arrive = await police.PostJsonAsync($"/api/v1/summonses/{summons.Id}/arrive", new { }))
            Assert.Equal(HttpStatusCode.OK, arrive.StatusCode);
        using (var done = await police.PostJsonAsync($"/api/v1/summonses/{summons.Id}/feedback", new { note = "已修好", done = true }))
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        using var resolve = await commissioner.PostJsonAsync($"/api/v1/cases/{caseId}/resolve", new { outcome = "已修复" });
        return await resolve.ReadAsync<CaseView>();
    }

    private async Task<JsonElement> StatsAsync(HttpClient client, string scope)
    {
        using var response = await client.GetAsync($"/api/v1/stats?scope={scope}&period=day&at={Today}");
        return await response.ReadAsync<JsonElement>();
    }

    private static int Reopened(JsonElement stats) => stats.TryGetProperty("reopened", out var n) ? n.GetInt32() : 0;

    [Fact]
    public async Task PostReopen_ClosedCase_SummonsTheResolverAgain_RetryIsUnchanged_AndStatisticsCountIt()
    {
        using var commissioner = await _host.ClientAsync("commissioner", Township);
        var resolved = await ResolvedCaseAsync(commissioner);
        Assert.True(resolved.FollowUpDueAt > resolved.CreatedAt);
        using (var close = await commissioner.PostJsonAsync($"/api/v1/cases/{resolved.Id}/close", new { }))
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        await _host.DeliverAsync(resolved.Id);
        var townshipBefore = Reopened(await StatsAsync(commissioner, Township));
        var policeBefore = Reopened(await StatsAsync(commissioner, Police));

        using var reopen = await commissioner.PostJsonAsync($"/api/v1/cases/{resolved.Id}/reopen", new { reason = "居民反映灯仍不亮" });
        var reopened = await reopen.ReadAsync<CaseView>();
        using var retry = await commissioner.PostJsonAsync($"/api/v1/cases/{resolved.Id}/reopen", new { reason = "居民反映灯仍不亮" });
        var again = await retry.ReadAsync<CaseView>();

        Assert.Equal((CaseState.Whistled, 1, Township), (reopened.State, reopened.Reopens, reopened.CenterId));
        Assert.Equal(Police, Assert.Single(reopened.Summonses, s => s.State == SummonsState.Issued).DepartmentId);
        Assert.Equal("reopened", reopened.Timeline[^1].Kind);
        Assert.Equal(reopened.Version, again.Version);
        await _host.DeliverAsync(resolved.Id);
        Assert.Equal(townshipBefore + 1, Reopened(await StatsAsync(commissioner, Township)));
        Assert.Equal(policeBefore + 1, Reopened(await StatsAsync(commissioner, Police)));
        using var csv = await commissioner.GetAsync($"/api/v1/stats?scope={Township}&period=day&at={Today}&format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        var reopenedColumn = Array.IndexOf(lines[0].Split(','), "reopened");
        Assert.True(reopenedColumn > 0, lines[0]);
        Assert.Equal($"{townshipBefore + 1}", lines[1].Split(',')[reopenedColumn]);
        using var inbox = await _host.ClientAsync("department", Police);
        using var summonses = await inbox.GetAsync($"/api/v1/departments/{Police}/summonses?state=open");
        Assert.Contains((await summonses.ReadAsync<SummonsView[]>()), s => s.CaseId == resolved.Id);
    }

    [Fact]
    public async Task PostFollowUp_Unsatisfied_ReopensTheCase()
    {
        using var commissioner = await _host.ClientAsync("commissioner", Township);
        var resolved = await ResolvedCaseAsync(commissioner);

        using var followUp = await commissioner.PostJsonAsync($"/api/v1/cases/{resolved.Id}/follow-up", new { satisfaction = 1, note = "没修好" });
        var view = await followUp.ReadAsync<CaseView>();

        Assert.Equal((CaseState.Whistled, 1, (int?)1), (view.State, view.Reopens, view.Satisfaction));
        Assert.Equal(["followedUp", "reopened"], view.Timeline.TakeLast(2).Select(e => e.Kind));
        using var same = await commissioner.PostJsonAsync($"/api/v1/cases/{resolved.Id}/follow-up", new { satisfaction = 1, note = "没修好" });
        Assert.Equal(view.Version, (await same.ReadAsync<CaseView>()).Version);
    }

    [Fact]
    public async Task PostReopen_BadInput_WrongRole_OrOpenCase_IsProblemJsonAndChangesNothing()
    {
        using var commissioner = await _host.ClientAsync("commissioner", Township);
        using var department = await _host.ClientAsync("department", Police);
        var resolved = await ResolvedCaseAsync(commissioner);

        using (var missing = await commissioner.PostJsonAsync($"/api/v1/cases/{resolved.Id}/reopen", new { }))
            await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "reason");
        using (var unknown = await commissioner.PostJsonAsync($"/api/v1/cases/{resolved.Id}/reopen", new { reason = "x", extra = 1 }))
            await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        using (var byDepartment = await department.PostJsonAsync($"/api/v1/cases/{resolved.Id}/reopen", new { reason = "x" }))
            await byDepartment.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var other = await _host.ClientAsync("commissioner", "tc-a-t1"))
        using (var otherTownship = await other.PostJsonAsync($"/api/v1/cases/{resolved.Id}/reopen", new { reason = "x" }))
            await otherTownship.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var read = await commissioner.GetAsync($"/api/v1/cases/{resolved.Id}"))
            Assert.Equal(resolved.Version, (await read.ReadAsync<CaseView>()).Version);

        using var created = await commissioner.PostJsonAsync("/api/v1/cases",
            new { gridId = "tc-a-t2-g1", category = "other", summary = "未处理", source = "window" });
        var open = await created.ReadAsync<CaseView>(HttpStatusCode.Created);
        using var conflict = await commissioner.PostJsonAsync($"/api/v1/cases/{open.Id}/reopen", new { reason = "x" });
        await conflict.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }
}
