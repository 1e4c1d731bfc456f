using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Api;

/// <summary>/api/v1/stats: figures after real cases, CSV, rankings, reports, and every kind of bad input.</summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class StatsApiTests(SqliteSiloFixture fixture)
{
    private readonly SiloHost _host = fixture.Host;

    private const string Today = "2026-11-23";

    private async Task<string> WhistledCaseAsync(HttpClient commissioner)
    {
        using var created = await commissioner.PostJsonAsync("/api/v1/cases",
            new { gridId = "tc-a-t3-g1", category = "wageArrears", summary = "拖欠工资", source = "window" });
        var caseId = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var whistle = await commissioner.PostJsonAsync($"/api/v1/cases/{caseId}/whistle", new { departmentIds = new[] { "tc-a-t3-jud" } });
        Assert.Equal(HttpStatusCode.OK, whistle.StatusCode);
        await _host.DeliverAsync(caseId);
        return caseId;
    }

    [Fact]
    public async Task GetStats_AfterAWhistle_CountsTheCaseForTownshipAndDepartment()
    {
        using var commissioner = await _host.ClientAsync("commissioner", "tc-a-t3");
        using var before = await commissioner.GetAsync($"/api/v1/stats?scope=tc-a-t3&period=day&at={Today}");
        var accepted = (await before.ReadAsync<JsonElement>()).GetProperty("accepted").GetInt32();

        await WhistledCaseAsync(commissioner);

        using var township = await commissioner.GetAsync($"/api/v1/stats?scope=tc-a-t3&period=day&at={Today}");
        var stats = await township.ReadAsync<JsonElement>();
        Assert.Equal(accepted + 1, stats.GetProperty("accepted").GetInt32());
        Assert.Equal("tc-a-t3", stats.GetProperty("scope").GetString());
        using var department = await _host.ClientAsync("department", "tc-a-t3-jud");
        using var own = await department.GetAsync($"/api/v1/stats?scope=tc-a-t3-jud&period=week&at={Today}");
        Assert.True((await own.ReadAsync<JsonElement>()).GetProperty("summoned").GetInt32() >= 1);
    }

    [Fact]
    public async Task GetStats_AcceptCsv_ReturnsCsvWithHeader()
    {
        using var admin = await _host.ClientAsync("admin");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/stats?scope=tc&period=month&at={Today}");
        request.Headers.Accept.ParseAdd("text/csv");

        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("accepted", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetRanking_Townships_ListsEachTownshipOfTheCounty()
    {
        using var leader = await _host.ClientAsync("dutyLeader", "tc-a");

        using var response = await leader.GetAsync($"/api/v1/stats/ranking?scope=tc-a&period=quarter&at={Today}&by=township");

        var rows = (await response.ReadAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("scope").GetString()).ToList();
        Assert.Equal(["tc-a-t1", "tc-a-t2", "tc-a-t3"], rows.Order().ToList());
    }

    [Theory]
    [InlineData("/api/v1/stats?scope=nowhere&period=day", "scope")]
    [InlineData("/api/v1/stats?scope=tc&period=fortnight", "period")]
    [InlineData("/api/v1/stats?scope=tc&period=day&at=2026-13-01", "at")]
    [InlineData("/api/v1/stats/ranking?scope=tc&period=day&by=grid", "by")]
    [InlineData("/api/v1/stats/reports?county=tc-a-t1", "county")]
    public async Task GetStats_BadInput_Returns400NamingTheField(string path, string field)
    {
        using var admin = await _host.ClientAsync("admin");
        using var response = await admin.GetAsync(path);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", field);
    }

    [Fact]
    public async Task GetStats_DepartmentAskingForAnother_Returns403()
    {
        using var department = await _host.ClientAsync("department", "tc-a-t3-jud");
        using var response = await department.GetAsync($"/api/v1/stats?scope=tc-a-t3-pol&period=day&at={Today}");
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Reports_AfterMidnight_DailySheetIsListedAndDownloadable()
    {
        await using var host = await SiloHost.StartSqliteAsync(); // its own clock: this test moves time
        using var leader = await host.ClientAsync("dutyLeader", "tc-b");
        await host.AdvanceAsync(NodaTime.Duration.FromDays(1));

        using var list = await leader.GetAsync("/api/v1/stats/reports?county=tc-b");
        var reports = (await list.ReadAsync<JsonElement>()).EnumerateArray().ToList();
        var daily = reports.First(r => r.GetProperty("kind").GetString() == "daily");
        var id = daily.GetProperty("id").GetString();
        using var html = await leader.GetAsync($"/api/v1/stats/reports/{id}?format=html");
        using var csv = await leader.GetAsync($"/api/v1/stats/reports/{id}?format=csv");
        using var missing = await leader.GetAsync("/api/v1/stats/reports/tc-b.daily.1999-01-01");

        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await html.Content.ReadAsStringAsync());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
