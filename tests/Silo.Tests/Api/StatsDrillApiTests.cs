using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Api;

/// <summary>
/// GET /api/v1/stats/cases (the cases behind a figure) and POST /api/v1/stats/reports (a cadence report now), over
/// Kestrel on SQLite and on PostgreSQL (see the subclasses).
/// </summary>
public abstract class StatsDrillApiTests(SiloHost host)
{
    private const string Township = "tc-a-t3";

    private async Task<string> WhistledCaseAsync(HttpClient commissioner, string summary)
    {
        using var created = await commissioner.PostJsonAsync("/api/v1/cases",
            new { gridId = "tc-a-t3-g1", category = "wageArrears", summary, source = "window" });
        var caseId = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var whistle = await commissioner.PostJsonAsync($"/api/v1/cases/{caseId}/whistle", new { departmentIds = new[] { "tc-a-t3-jud" } });
        Assert.Equal(HttpStatusCode.OK, whistle.StatusCode);
        await host.DeliverAsync(caseId);
        return caseId;
    }

    /// <summary>Every page of the cases behind a figure: (ids, total, sum of counts), checking each page's own fields.</summary>
    private static async Task<(List<string> Ids, int Total, int Sum, int CountSum)> AllCasesAsync(HttpClient client, string query)
    {
        var ids = new List<string>();
        var (total, sum, counts) = (0, 0, 0);
        for (var page = 1; page <= 100; page++)
        {
            using var response = await client.GetAsync($"/api/v1/stats/cases?{query}&page={page}&pageSize=2");
            var body = await response.ReadAsync<JsonElement>();
            Assert.Equal(page, body.GetProperty("page").GetInt32());
            Assert.Equal(2, body.GetProperty("pageSize").GetInt32());
            (total, sum) = (body.GetProperty("total").GetInt32(), body.GetProperty("sum").GetInt32());
            var items = body.GetProperty("items").EnumerateArray().ToList();
            ids.AddRange(items.Select(i => i.GetProperty("case").GetProperty("id").GetString()!));
            counts += items.Sum(i => i.GetProperty("count").GetInt32());
            if (items.Count < 2) break;
        }
        return (ids, total, sum, counts);
    }

    [Fact]
    public async Task GetStatsCases_ListsExactlyTheCasesBehindEachFigure()
    {
        using var commissioner = await host.ClientAsync("commissioner", Township);
        using var leader = await host.ClientAsync("dutyLeader", "tc-a");
        var first = await WhistledCaseAsync(commissioner, "统计下钻一");
        var second = await WhistledCaseAsync(commissioner, "统计下钻二");
        using var escalate = await leader.PostJsonAsync($"/api/v1/cases/{second}/escalate", new { reason = "下钻测试" });
        Assert.Equal(HttpStatusCode.OK, escalate.StatusCode);
        await host.DeliverAsync(second);

        foreach (var scope in new[] { Township, "tc-a", "tc-a-t3-jud" })
        {
            using var statsResponse = await leader.GetAsync($"/api/v1/stats?scope={scope}&period=week");
            var stats = await statsResponse.ReadAsync<JsonElement>();
            foreach (var (metric, field, once) in new[] { ("accepted", "accepted", true), ("summoned", "summoned", false), ("escalations", "escalations", false) })
            {
                var figure = stats.GetProperty(field).GetInt32();
                var (ids, total, sum, counts) = await AllCasesAsync(leader, $"scope={scope}&period=week&metric={metric}");
                Assert.True(sum == figure, $"{scope} {metric}: the counts add up to {sum}, the figure is {figure}");
                Assert.Equal(sum, counts);
                Assert.Equal(total, ids.Count);
                Assert.Equal(ids.Count, ids.Distinct().Count());
                if (once) Assert.Equal(figure, total);
                if (metric != "escalations") Assert.Contains(first, ids);
                if (metric == "escalations" && scope != "tc-a-t3-jud") Assert.Contains(second, ids);
            }
        }
    }

    [Theory]
    [InlineData("scope=tc-a&period=week", "metric")]
    [InlineData("scope=tc-a&period=week&metric=completion-rate", "metric")]
    [InlineData("scope=tc-a&period=week&metric=accepted&page=0", "page")]
    [InlineData("scope=tc-a&period=week&metric=accepted&pageSize=101", "pageSize")]
    [InlineData("scope=tc-a-t3-g1&period=week&metric=accepted", "scope")]
    [InlineData("scope=tc-a&period=year&metric=accepted", "period")]
    public async Task GetStatsCases_BadInput_Returns400NamingTheField(string query, string field)
    {
        using var admin = await host.ClientAsync("admin");
        using var response = await admin.GetAsync($"/api/v1/stats/cases?{query}");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", field);
    }

    [Fact]
    public async Task GetStatsCases_SameReadRightsAsTheStatistics()
    {
        using var department = await host.ClientAsync("department", "tc-a-t3-jud");
        using var own = await department.GetAsync("/api/v1/stats/cases?scope=tc-a-t3-jud&period=week&metric=summoned");
        using var other = await department.GetAsync("/api/v1/stats/cases?scope=tc-a-t3-pol&period=week&metric=summoned");
        using var commissioner = await host.ClientAsync("commissioner", "tc-a-t1");
        using var county = await commissioner.GetAsync("/api/v1/stats/cases?scope=tc-a&period=week&metric=accepted");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await other.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await county.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task ProduceReport_DutyLeader_GetsTheCurrentPeriodSoFar_ListedAndDownloadable()
    {
        using var leader = await host.ClientAsync("dutyLeader", "tc-b");
        using var statsResponse = await leader.GetAsync("/api/v1/stats?scope=tc-b&period=week");
        var week = await statsResponse.ReadAsync<JsonElement>();

        using var produced = await leader.PostJsonAsync("/api/v1/stats/reports", new { county = "tc-b", kind = "weekly" });

        var header = await produced.ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = header.GetProperty("id").GetString()!;
        Assert.Equal($"tc-b.weekly.{week.GetProperty("from").GetString()}", id);
        Assert.Equal(("weekly", "tc-b"), (header.GetProperty("kind").GetString(), header.GetProperty("countyId").GetString()));
        Assert.Equal(week.GetProperty("to").GetString(), header.GetProperty("to").GetString());
        Assert.Equal($"/api/v1/stats/reports/{id}", produced.Headers.Location?.OriginalString);
        using var list = await leader.GetAsync("/api/v1/stats/reports?county=tc-b");
        Assert.Contains(id, (await list.ReadAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        using var html = await leader.GetAsync($"/api/v1/stats/reports/{id}?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        using var csv = await leader.GetAsync($"/api/v1/stats/reports/{id}?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);

        // Again, for a past day: the report of that day.
        using var admin = await host.ClientAsync("admin");
        using var past = await admin.PostJsonAsync("/api/v1/stats/reports", new { county = "tc-b", kind = "daily", at = "2026-01-05" });
        Assert.Equal("tc-b.daily.2026-01-05", (await past.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{ "kind": "daily" }""", "county")]
    [InlineData("""{ "county": "tc-a-t1", "kind": "daily" }""", "county")]
    [InlineData("""{ "county": "tc-a" }""", "kind")]
    [InlineData("""{ "county": "tc-a", "kind": "yearly" }""", "kind")]
    [InlineData("""{ "county": "tc-a", "kind": "daily", "at": "2999-12-31" }""", "at")]
    [InlineData("""{ "county": "tc-a", "kind": "daily", "at": "soon" }""", "at")]
    public async Task ProduceReport_BadInput_Returns400NamingTheField_AndProducesNothing(string body, string field)
    {
        using var admin = await host.ClientAsync("admin");
        using var before = await admin.GetAsync("/api/v1/stats/reports?county=tc-a");
        var count = (await before.ReadAsync<JsonElement>()).GetArrayLength();

        using var response = await admin.PostRawAsync("/api/v1/stats/reports", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", field);
        using var after = await admin.GetAsync("/api/v1/stats/reports?county=tc-a");
        Assert.Equal(count, (await after.ReadAsync<JsonElement>()).GetArrayLength());
    }

    [Fact]
    public async Task ProduceReport_UnknownCounty404_AnotherCountysLeaderOrACommissioner403()
    {
        using var leader = await host.ClientAsync("dutyLeader", "tc-a");
        using var commissioner = await host.ClientAsync("commissioner", "tc-b-t1");

        using var unknown = await leader.PostJsonAsync("/api/v1/stats/reports", new { county = "nowhere", kind = "daily" });
        using var other = await leader.PostJsonAsync("/api/v1/stats/reports", new { county = "tc-b", kind = "daily" });
        using var notLeader = await commissioner.PostJsonAsync("/api/v1/stats/reports", new { county = "tc-b", kind = "daily" });

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await other.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await notLeader.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

[Collection(SqliteSiloCollection.Name)]
public sealed class SqliteStatsDrillApiTests(SqliteSiloFixture fixture) : StatsDrillApiTests(fixture.Host);

[Collection(PostgresSiloCollection.Name)]
public sealed class PostgresStatsDrillApiTests(PostgresSiloFixture fixture) : StatsDrillApiTests(fixture.Host);
