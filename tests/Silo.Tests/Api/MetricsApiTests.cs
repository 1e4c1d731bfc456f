using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Api;

/// <summary>/api/v1/metrics: the JSON snapshot of the engine's metrics.</summary>
public sealed class MetricsApiTests
{
    [Fact]
    public async Task GetMetrics_AfterAWhistle_CountsItAndTheOpenCase()
    {
        await using var host = await SiloHost.StartSqliteAsync();
        using var commissioner = await host.ClientAsync("commissioner", "tc-a-t1");
        using var created = await commissioner.PostJsonAsync("/api/v1/cases",
            new { gridId = "tc-a-t1-g1", category = "neighbourDispute", summary = "噪音扰民", source = "hotline" });
        var caseId = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var whistle = await commissioner.PostJsonAsync($"/api/v1/cases/{caseId}/whistle", new { departmentIds = new[] { "tc-a-t1-pol" } });
        Assert.Equal(HttpStatusCode.OK, whistle.StatusCode);
        await host.DeliverAsync(caseId);
        using var admin = await host.ClientAsync("admin");

        using var response = await admin.GetAsync("/api/v1/metrics");

        var metrics = await response.ReadAsync<JsonElement>();
        // Totals come from process-wide instruments, which other silos in this test process also feed.
        Assert.True(metrics.GetProperty("whistles").GetInt64() >= 1);
        Assert.True(metrics.GetProperty("summonsesIssued").GetInt64() >= 1);
        Assert.Equal(1, metrics.GetProperty("openCases").GetInt32());
        Assert.Equal(1, metrics.GetProperty("openSummonses").GetInt32());
        Assert.True(metrics.GetProperty("activations").GetInt32() > 0);
        Assert.True(metrics.GetProperty("turnLatencyMs").GetProperty("count").GetInt64() > 0);
        Assert.True(metrics.GetProperty("managedHeapBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task GetMetrics_Collect_AdminOnlyAndChecked()
    {
        await using var host = await SiloHost.StartSqliteAsync();
        using var admin = await host.ClientAsync("admin");
        using var leader = await host.ClientAsync("dutyLeader", "tc-a");

        using var collected = await admin.GetAsync("/api/v1/metrics?collect=true");
        using var refused = await leader.GetAsync("/api/v1/metrics?collect=true");
        using var bad = await admin.GetAsync("/api/v1/metrics?collect=maybe");

        Assert.True((await collected.ReadAsync<JsonElement>()).GetProperty("managedHeapBytes").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task GetMetrics_AsCommissioner_Returns403()
    {
        await using var host = await SiloHost.StartSqliteAsync();
        using var commissioner = await host.ClientAsync("commissioner", "tc-a-t1");

        using var response = await commissioner.GetAsync("/api/v1/metrics");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
