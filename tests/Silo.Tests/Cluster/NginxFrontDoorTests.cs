using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Infrastructure;
using Dispatch.Testing;

namespace Dispatch.Silo.Tests.Cluster;

/// <summary>
/// deploy/nginx/dispatch.conf in front of two real silo processes on loopback: HTTP spread over both silos, the SSE
/// stream and the WebSocket hub passed through live, and a killed silo skipped.
/// </summary>
public sealed class NginxFrontDoorTests
{
    [Fact]
    public async Task Nginx_BalancesHttp_PassesSseAndTheHub_SkipsADeadSilo()
    {
        await using var cluster = await ProcessCluster.StartAsync(await TestDatabases.NewPostgresDatabaseAsync(), 2);
        var silos = cluster.Silos;
        await using var nginx = await NginxFrontDoor.StartAsync(silos.Select(s => s.Address));

        // HTTP: both silos answer through the one address.
        using var anonymous = new HttpClient { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(30) };
        var answeredBy = new HashSet<string>();
        for (var i = 0; i < 10; i++)
            answeredBy.Add(JsonDocument.Parse(await anonymous.GetStringAsync("/health")).RootElement.GetProperty("silo").GetString()!);
        Assert.True(answeredBy.Count == 2, $"nginx sent /health to {answeredBy.Count} silo(s): {string.Join(", ", answeredBy)}");

        // SSE and the hub, both through nginx, see a summons whistled through nginx.
        using var admin = await ProcessApi.ClientAsync(nginx.Address, new { role = "admin" });
        using var commissioner = await ProcessApi.CommissionerAsync(nginx.Address);
        await using var stream = await ServerSentEventReader.OpenAsync(admin, "tc");
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var hub = await HubConnection.ConnectAsync(new Uri(nginx.Address, $"/hubs/live?access_token={token}"), timeout.Token);
        var watch = await hub.InvokeAsync("Watch", ["tc"], timeout.Token);
        Assert.False(watch.TryGetProperty("error", out var error), $"Watch failed through nginx: {error}");

        for (var i = 0; i < 4; i++)
        {
            var caseId = await ProcessApi.ReportAsync(commissioner, "through nginx");
            var summonses = await ProcessApi.WhistleAsync(commissioner, caseId, "PT10M", "PT1H");
            foreach (var id in summonses)
            {
                await stream.ReceivedOrNextAsync("summons", s => s.GetProperty("id").GetString() == id);
                await hub.ReceiveAsync("summonsChanged", s => s.GetProperty("id").GetString() == id, timeout.Token);
            }
        }

        // A dead silo is skipped: every request still answers.
        await silos[1].KillAsync();
        for (var i = 0; i < 6; i++)
        {
            using var health = await anonymous.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        await ProcessApi.ReportAsync(commissioner, "through nginx, one silo down");
    }
}
