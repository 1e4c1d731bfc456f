using System.Net;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Live;

/// <summary>The SSE stream on its own silo, with a heartbeat short enough to observe.</summary>
public sealed class StreamTests : IAsyncLifetime
{
    private SiloHost _host = null!;

    public async Task InitializeAsync() => _host = await SiloHost.StartSqliteAsync("--Live:HeartbeatInterval=00:00:00.100");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<CaseView> ReportAsync()
    {
        using var commissioner = await _host.ClientAsync("commissioner", "tc-a-t1");
        using var response = await commissioner.PostJsonAsync("/api/v1/cases", new { gridId = "tc-a-t1-g1", category = "labour", summary = "欠薪", source = "grid" });
        return await response.ReadAsync<CaseView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task GetStream_Idle_SendsCommentHeartbeats()
    {
        using var admin = await _host.ClientAsync("admin");
        await using var stream = await ServerSentEventReader.OpenAsync(admin, "tc");
        Assert.Equal("no-cache", stream.Response.Headers.CacheControl?.ToString());

        await stream.WaitForCommentsAsync(3);
    }

    [Fact]
    public async Task GetStream_CaseScope_WatchableByItsCommissionerAndSummonedDepartmentOnly()
    {
        var created = await ReportAsync();
        using (var admin = await _host.ClientAsync("admin"))
        using (var whistle = await admin.PostJsonAsync($"/api/v1/cases/{created.Id}/whistle", new { departmentIds = new[] { "tc-a-t1-pol" } }))
            Assert.Equal(HttpStatusCode.OK, whistle.StatusCode);

        using var commissioner = await _host.ClientAsync("commissioner", "tc-a-t1");
        using var police = await _host.ClientAsync("department", "tc-a-t1-pol");
        using var otherCommissioner = await _host.ClientAsync("commissioner", "tc-b-t1");
        using var otherDepartment = await _host.ClientAsync("department", "tc-a-t2-pol");
        await using (var own = await ServerSentEventReader.OpenAsync(commissioner, created.Id))
            Assert.Equal(HttpStatusCode.OK, own.Response.StatusCode);
        await using (var summoned = await ServerSentEventReader.OpenAsync(police, created.Id))
            Assert.Equal(HttpStatusCode.OK, summoned.Response.StatusCode);
        using (var foreign = await otherCommissioner.GetAsync($"/api/v1/stream?scope={created.Id}"))
            await foreign.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var unrelated = await otherDepartment.GetAsync($"/api/v1/stream?scope={created.Id}"))
            await unrelated.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetStream_DepartmentScope_ReceivesItsSummons()
    {
        using var police = await _host.ClientAsync("department", "tc-a-t1-pol");
        await using var stream = await ServerSentEventReader.OpenAsync(police, "tc-a-t1-pol");
        var created = await ReportAsync();

        using (var admin = await _host.ClientAsync("admin"))
        using (var whistle = await admin.PostJsonAsync($"/api/v1/cases/{created.Id}/whistle", new { departmentIds = new[] { "tc-a-t1-jud", "tc-a-t1-pol" } }))
            Assert.Equal(HttpStatusCode.OK, whistle.StatusCode);

        var summons = await stream.NextAsync("summons", e => e.GetProperty("departmentId").GetString() == "tc-a-t1-pol");
        Assert.Equal(created.Id, summons.GetProperty("caseId").GetString());
    }
}
