using System.Net.Http.Json;
using System.Net.WebSockets;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Testing;
using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Dashboard.Tests.Live;

/// <summary>/hubs/live spoken to with the SignalR JSON protocol over a plain WebSocket, as a department app would.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveHubTests(DashboardFixture fixture)
{
    private DashboardHost Host => fixture.Host;

    private async Task<HubConnection> ConnectAsync(string role, string? scope, CancellationToken cancellationToken)
    {
        var token = await Host.TokenAsync(role, scope);
        return await HubConnection.ConnectAsync(new Uri(Host.Address, $"/hubs/live?access_token={Uri.EscapeDataString(token)}"), cancellationToken);
    }

    [Fact]
    public async Task Watch_OwnDepartment_ReceivesSummonsChangedWhenWhistled()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var hub = await ConnectAsync(Actor.Department, "tc-a-t2-pol", timeout.Token);
        var watched = await hub.InvokeAsync("Watch", ["tc-a-t2-pol"], timeout.Token);
        Assert.False(watched.TryGetProperty("error", out var error), $"Watch failed: {error}");

        var created = await Host.ReportAsync("tc-a-t2", "tc-a-t2-g1", "西街噪音扰民");
        using (var commissioner = await Host.ClientAsync(Actor.Commissioner, "tc-a-t2"))
        using (var whistle = await commissioner.PostAsJsonAsync($"/api/v1/cases/{created.Id}/whistle", new { departmentIds = new[] { "tc-a-t2-pol" } }))
            Assert.True(whistle.IsSuccessStatusCode, $"whistle failed: {(int)whistle.StatusCode}");

        var summons = await hub.ReceiveAsync("summonsChanged", s => s.GetProperty("caseId").GetString() == created.Id, timeout.Token);
        Assert.Equal("tc-a-t2-pol", summons.GetProperty("departmentId").GetString());
        Assert.Equal("issued", summons.GetProperty("state").GetString());
        Assert.EndsWith("Z", summons.GetProperty("ackDueAt").GetString());
    }

    [Fact]
    public async Task Watch_CaseOfAnotherTownship_FailsWithoutJoining()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var foreign = await Host.ReportAsync("tc-b-t1", "tc-b-t1-g1", "南镇土地纠纷", "landHomestead");
        await using var hub = await ConnectAsync(Actor.Commissioner, "tc-a-t1", timeout.Token);

        var refused = await hub.InvokeAsync("Watch", [foreign.Id], timeout.Token);
        Assert.True(refused.TryGetProperty("error", out var error), "watching another township's case should fail");
        Assert.Contains("may not watch", error.GetString());

        var unknown = await hub.InvokeAsync("Watch", ["no-such-scope"], timeout.Token);
        Assert.True(unknown.TryGetProperty("error", out var missing), "watching an unknown scope should fail");
        Assert.Contains("No center, department or case", missing.GetString());

        var own = await hub.InvokeAsync("Watch", ["tc-a-t1"], timeout.Token);
        Assert.False(own.TryGetProperty("error", out var ownError), $"watching its own township failed: {ownError}");
    }

    [Fact]
    public async Task Connect_WithoutToken_IsRefused()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<WebSocketException>(() =>
            HubConnection.ConnectAsync(new Uri(Host.Address, "/hubs/live"), timeout.Token));
        Assert.Contains("401", error.Message);
    }
}
