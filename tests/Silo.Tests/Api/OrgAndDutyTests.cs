using System.Net;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Tests.Infrastructure;
using NodaTime;

namespace Dispatch.Silo.Tests.Api;

/// <summary>The read-only organisation and duty endpoints, /health and the OpenAPI document.</summary>
[Collection(SqliteSiloCollection.Name)]
public sealed class OrgAndDutyTests(SqliteSiloFixture fixture)
{
    private readonly SiloHost _host = fixture.Host;

    private Task<HttpClient> ClientAsync() => _host.ClientAsync("commissioner", "tc-a-t1");

    [Fact]
    public async Task GetCenters_ReturnsEveryCenterWithLevelAndParent()
    {
        using var client = await ClientAsync();
        using var response = await client.GetAsync("/api/v1/org/centers");
        var centers = await response.ReadAsync<CenterDto[]>();
        Assert.Equal(11, centers.Length);
        Assert.Contains(centers, c => c is { Id: "tc", Level: CenterLevel.City, ParentId: null });
        Assert.Contains(centers, c => c is { Id: "tc-a-t1-v1", Level: CenterLevel.Village, ParentId: "tc-a-t1" });
    }

    [Fact]
    public async Task GetCenter_Township_HasChildrenDepartmentsAndGrids()
    {
        using var client = await ClientAsync();
        using var response = await client.GetAsync("/api/v1/org/centers/tc-a-t2");
        var center = await response.ReadAsync<CenterDetailDto>();
        Assert.Equal(("西街道", CenterLevel.Township, "tc-a"), (center.Name, center.Level, center.ParentId));
        Assert.Empty(center.Children);
        Assert.Contains(center.Departments, d => d is { Id: "tc-a-t2-pol", Kind: "policeStation", Staffing: Staffing.Resident });
        Assert.Equal(["tc-a-t2-g1"], center.Grids.Select(g => g.Id).ToArray());
    }

    [Fact]
    public async Task GetDepartments_OfACenter_ReturnsItsDepartmentsOnly()
    {
        using var client = await ClientAsync();
        using var response = await client.GetAsync("/api/v1/org/departments?center=tc-a-t1");
        var departments = await response.ReadAsync<DepartmentDto[]>();
        Assert.NotEmpty(departments);
        Assert.All(departments, d => Assert.Equal("tc-a-t1", d.CenterId));
        Assert.Contains(departments, d => d is { Id: "tc-a-t1-pol", ParentDepartmentId: "tc-a-psb" });
        using var all = await client.GetAsync("/api/v1/org/departments");
        Assert.Equal(74, (await all.ReadAsync<DepartmentDto[]>()).Length);
    }

    [Fact]
    public async Task GetGrids_OfATownship_IncludesItsVillagesGrids()
    {
        using var client = await ClientAsync();
        using var response = await client.GetAsync("/api/v1/org/grids?center=tc-a-t1");
        var grids = await response.ReadAsync<GridDto[]>();
        Assert.Equal(["tc-a-t1-g1", "tc-a-t1-g2", "tc-a-t1-g3"], grids.Select(g => g.Id).Order().ToArray());
    }

    [Fact]
    public async Task GetDutyNow_County_ReturnsTheChiefOnDuty()
    {
        using var client = await ClientAsync();
        using var response = await client.GetAsync("/api/v1/duty/tc-a/now");
        var shift = await response.ReadAsync<DutyShiftDto>();
        var now = _host.Clock.GetCurrentInstant();
        Assert.True(shift.From <= now && now < shift.To, $"{shift.From}..{shift.To} does not contain {now}");
        Assert.False(string.IsNullOrEmpty(shift.Name));
        var raw = JsonDocument.Parse(await (await client.GetAsync("/api/v1/duty/tc-a/now")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["role", "name", "from", "to"], raw.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task GetDutyRota_DateRange_ReturnsContiguousShifts()
    {
        using var client = await ClientAsync();
        using var response = await client.GetAsync("/api/v1/duty/tc-a/rota?from=2026-11-23&to=2026-11-30");
        var shifts = await response.ReadAsync<DutyShiftDto[]>();
        Assert.NotEmpty(shifts);
        for (var i = 1; i < shifts.Length; i++)
            Assert.Equal(shifts[i - 1].To, shifts[i].From);
        Assert.True(shifts[0].From <= Instant.FromUtc(2026, 11, 22, 16, 0));
        Assert.True(shifts[^1].To >= Instant.FromUtc(2026, 11, 29, 16, 0));
    }

    [Fact]
    public async Task GetHealth_WhenReady_Returns200()
    {
        using var response = await _host.Http.GetAsync("/health");
        var health = await response.ReadAsync<HealthResponse>();
        Assert.Equal("ready", health.Status);
        Assert.StartsWith("SQLite", health.Store, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOpenApi_DescribesEveryPathAndNodaTimeAsStrings()
    {
        using var response = await _host.Http.GetAsync("/openapi/v1.json");
        var document = await response.ReadAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/health", "/api/v1/auth/dev-token", "/api/v1/org/centers", "/api/v1/org/centers/{id}", "/api/v1/org/departments",
            "/api/v1/org/grids", "/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/{id}/triage", "/api/v1/cases/{id}/whistle",
            "/api/v1/cases/{id}/resolve", "/api/v1/cases/{id}/close", "/api/v1/cases/{id}/follow-up", "/api/v1/cases/{id}/escalate",
            "/api/v1/cases/{id}/supervise", "/api/v1/cases/{id}/take", "/api/v1/departments/{id}/summonses",
            "/api/v1/summonses/{id}/ack", "/api/v1/summonses/{id}/arrive", "/api/v1/summonses/{id}/feedback",
            "/api/v1/summonses/{id}/decline", "/api/v1/duty/{countyCenterId}/now", "/api/v1/duty/{countyCenterId}/rota",
            "/api/v1/stream",
        ];
        Assert.All(expected, p => Assert.Contains(p, paths));
        var instant = document.GetProperty("components").GetProperty("schemas").GetProperty("CaseView").GetProperty("properties").GetProperty("createdAt");
        Assert.Equal(("string", "date-time"), (instant.GetProperty("type").GetString(), instant.GetProperty("format").GetString()));
        var report = document.GetProperty("paths").GetProperty("/api/v1/cases").GetProperty("post");
        Assert.True(report.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(report.GetProperty("responses").TryGetProperty("201", out _));
    }

    [Fact]
    public async Task GetGrid_AfterAReport_ListsTheOpenCase()
    {
        using var client = await ClientAsync();
        using var created = await client.PostJsonAsync("/api/v1/cases",
            new { gridId = "tc-a-t1-g2", category = "other", summary = "路灯不亮", source = "grid" });
        var caseId = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await _host.DeliverAsync(caseId);

        using var response = await client.GetAsync("/api/v1/org/grids/tc-a-t1-g2");

        var grid = await response.ReadAsync<JsonElement>();
        Assert.Equal("tc-a-t1-g2", grid.GetProperty("gridId").GetString());
        Assert.Contains(grid.GetProperty("openCases").EnumerateArray(), c => c.GetProperty("id").GetString() == caseId);
        Assert.True(grid.GetProperty("reported").GetInt32() >= 1);
    }

    [Fact]
    public async Task GetGrid_Unknown_Returns404()
    {
        using var client = await ClientAsync();
        using var response = await client.GetAsync("/api/v1/org/grids/no-such-grid");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task DutyTakes_AfterADutyLeaderTakesACase_ListsIt()
    {
        using var commissioner = await ClientAsync();
        using var created = await commissioner.PostJsonAsync("/api/v1/cases",
            new { gridId = "tc-a-t1-g1", category = "petition", summary = "集体上访", source = "petition" });
        var caseId = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var leader = await _host.ClientAsync("dutyLeader", "tc-a");
        using var taken = await leader.PostJsonAsync($"/api/v1/cases/{caseId}/take");
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        await _host.DeliverAsync(caseId);

        using var response = await leader.GetAsync("/api/v1/duty/tc-a/takes");

        var takes = await response.ReadAsync<JsonElement>();
        Assert.Contains(takes.EnumerateArray(), t => t.GetProperty("caseId").GetString() == caseId);
    }
}
