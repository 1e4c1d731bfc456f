using System.Net;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Tests.Infrastructure;
using NodaTime;

namespace Dispatch.Silo.Tests.Field;

/// <summary>
/// Repeat cases over HTTP: a report suggests open or recently resolved cases of its grid and category with a similar
/// summary; POST /cases/{id}/link links siblings on both sides; the later one counts as a repeat in the statistics of
/// its township and of the departments summoned to it (JSON and CSV).
/// </summary>
public abstract class RepeatCasesApiTests(SiloHost host)
{
    private const string Township = "tc-a-t3";
    private const string Grid = "tc-a-t3-g1";
    private const string Police = "tc-a-t3-pol";
    private readonly SiloHost _host = host;

    private string Today => _host.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date.ToString("yyyy-MM-dd", null);

    private static async Task<CaseView> ReportAsync(HttpClient client, string summary, string category = "publicSecurity")
    {
        using var created = await client.PostJsonAsync("/api/v1/cases", new { gridId = Grid, category, summary, source = "hotline" });
        return await created.ReadAsync<CaseView>(HttpStatusCode.Created);
    }

    private async Task<JsonElement> StatsAsync(HttpClient client, string scope)
    {
        using var response = await client.GetAsync($"/api/v1/stats?scope={scope}&period=day&at={Today}");
        return await response.ReadAsync<JsonElement>();
    }

    [Fact]
    public async Task Report_SuggestsSimilarOpenCases_Link_ShowsOnBothSides_AndCountsTheLaterAsARepeat()
    {
        using var commissioner = await _host.ClientAsync("commissioner", Township);
        var first = await ReportAsync(commissioner, $"{Guid.NewGuid():N}小区门口路灯不亮");
        var unrelated = await ReportAsync(commissioner, $"{Guid.NewGuid():N}邻居装修噪音扰民");
        var otherCategory = await ReportAsync(commissioner, first.Summary, "other");
        await _host.DeliverAsync(first.Id);
        await _host.DeliverAsync(unrelated.Id);
        await _host.DeliverAsync(otherCategory.Id);
        var before = await StatsAsync(commissioner, Township);

        var second = await ReportAsync(commissioner, first.Summary.Replace("路灯不亮", "的路灯不亮了"));

        var suggestion = Assert.Single(second.SuggestedRepeats!, s => s.CaseId == first.Id);
        Assert.True(suggestion.Similarity >= 0.4, $"{suggestion.Similarity}");
        Assert.Equal(first.Summary, suggestion.Summary);
        Assert.DoesNotContain(second.SuggestedRepeats!, s => s.CaseId == unrelated.Id || s.CaseId == otherCategory.Id);

        using (var whistle = await commissioner.PostJsonAsync($"/api/v1/cases/{second.Id}/whistle", new { departmentIds = new[] { Police } }))
            Assert.Equal(HttpStatusCode.OK, whistle.StatusCode);
        using var link = await commissioner.PostJsonAsync($"/api/v1/cases/{second.Id}/link", new { caseId = first.Id });
        var linked = await link.ReadAsync<CaseView>();
        using var again = await commissioner.PostJsonAsync($"/api/v1/cases/{second.Id}/link", new { caseId = first.Id });
        Assert.Equal(linked.Version, (await again.ReadAsync<CaseView>()).Version);
        using var read = await commissioner.GetAsync($"/api/v1/cases/{first.Id}");
        var earlier = await read.ReadAsync<CaseView>();

        Assert.Equal((first.Id, first.Id), (Assert.Single(linked.LinkedCases).CaseId, linked.RepeatOf));
        Assert.Equal(("linked", first.Id), (linked.Timeline[^1].Kind, linked.Timeline[^1].LinkedCase));
        Assert.Equal(second.Id, Assert.Single(earlier.LinkedCases).CaseId);
        Assert.Null(earlier.RepeatOf);
        Assert.Null(earlier.SuggestedRepeats);

        await _host.DeliverAsync(first.Id);
        await _host.DeliverAsync(second.Id);
        var after = await StatsAsync(commissioner, Township);
        Assert.Equal(before.GetProperty("repeats").GetInt32() + 1, after.GetProperty("repeats").GetInt32());
        Assert.Equal((double)after.GetProperty("repeats").GetInt32() / after.GetProperty("accepted").GetInt32(),
            after.GetProperty("repeatRate").GetDouble(), 6);
        var police = await StatsAsync(commissioner, Police);
        Assert.True(police.GetProperty("repeats").GetInt32() >= 1);
        using var ranking = await commissioner.GetAsync($"/api/v1/stats/ranking?scope={Township}&period=day&at={Today}&by=department&format=csv");
        var lines = (await ranking.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.EndsWith(",repeats,repeatRate", lines[0]);
    }

    [Fact]
    public async Task Report_SuggestsARecentlyResolvedCase()
    {
        using var commissioner = await _host.ClientAsync("commissioner", Township);
        var summary = $"{Guid.NewGuid():N}井盖缺失";
        var resolved = await ReportAsync(commissioner, summary);
        using (var triage = await commissioner.PostJsonAsync($"/api/v1/cases/{resolved.Id}/triage", new { tier = "consultation", risk = "blue" }))
            Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        using (var resolve = await commissioner.PostJsonAsync($"/api/v1/cases/{resolved.Id}/resolve", new { outcome = "已补装" }))
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        await _host.DeliverAsync(resolved.Id);

        var repeat = await ReportAsync(commissioner, summary);

        Assert.Equal(1.0, Assert.Single(repeat.SuggestedRepeats!, s => s.CaseId == resolved.Id).Similarity);
    }

    [Fact]
    public async Task Link_BadInputOrNotAllowed_IsProblemJson_AndChangesNothing()
    {
        using var commissioner = await _host.ClientAsync("commissioner", Township);
        using var outsider = await _host.ClientAsync("commissioner", "tc-a-t1");
        using var worker = await GridWorkerApiTests.GridWorkerAsync(_host, Grid, "王五");
        var a = await ReportAsync(commissioner, "甲");
        var b = await ReportAsync(commissioner, "乙");

        using (var self = await commissioner.PostJsonAsync($"/api/v1/cases/{a.Id}/link", new { caseId = a.Id }))
            await self.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "caseId");
        using (var missing = await commissioner.PostJsonAsync($"/api/v1/cases/{a.Id}/link", new { }))
            await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "caseId");
        using (var unknown = await commissioner.PostJsonAsync($"/api/v1/cases/{a.Id}/link", new { caseId = "C-20261123-999999" }))
            await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "caseId");
        using (var foreign = await outsider.PostJsonAsync($"/api/v1/cases/{a.Id}/link", new { caseId = b.Id }))
            await foreign.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var byWorker = await worker.PostJsonAsync($"/api/v1/cases/{a.Id}/link", new { caseId = b.Id }))
            await byWorker.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        foreach (var c in new[] { a, b })
        {
            using var read = await commissioner.GetAsync($"/api/v1/cases/{c.Id}");
            var view = await read.ReadAsync<CaseView>();
            Assert.Equal((c.Version, 0), (view.Version, view.LinkedCases.Count));
        }
    }
}

[Collection(SqliteSiloCollection.Name)]
public sealed class SqliteRepeatCasesApiTests(SqliteSiloFixture fixture) : RepeatCasesApiTests(fixture.Host);

[Collection(PostgresSiloCollection.Name)]
public sealed class PostgresRepeatCasesApiTests(PostgresSiloFixture fixture) : RepeatCasesApiTests(fixture.Host);
