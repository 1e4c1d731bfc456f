using System.Net;
using System.Text.Json;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Tests.Infrastructure;
using Dispatch.Testing;

namespace Dispatch.Silo.Tests.Cluster;

/// <summary>
/// Two silos in this process on one PostgreSQL database (the real app on Kestrel, each with its fake clock): the events
/// of a case reach the SSE streams of both silos, whichever silo the case runs on and whichever took the request.
/// </summary>
public sealed class StreamFanOutTests
{
    [Fact]
    public async Task TwoSilos_EveryEventReachesTheStreamsOfBoth_Once()
    {
        var database = await TestDatabases.NewPostgresDatabaseAsync();
        await using var a = await SiloHost.StartClusteredAsync(database);
        await using var b = await SiloHost.StartClusteredAsync(database);
        await WaitUntilClusteredAsync(a, 2);
        await WaitUntilClusteredAsync(b, 2);

        using var adminA = await a.ClientAsync("admin");
        using var adminB = await b.ClientAsync("admin");
        await using var streamA = await ServerSentEventReader.OpenAsync(adminA, "tc");
        await using var streamB = await ServerSentEventReader.OpenAsync(adminB, "tc");
        using var viaA = await a.ClientAsync("commissioner", "tc-a-t1");
        using var viaB = await b.ClientAsync("commissioner", "tc-a-t1");

        var summonses = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var http = i % 2 == 0 ? viaA : viaB;
            using var reported = await http.PostJsonAsync("/api/v1/cases", new { gridId = "tc-a-t1-g1", category = "labour", summary = $"fan-out {i}", source = "grid" });
            var created = await reported.ReadAsync<CaseView>(HttpStatusCode.Created);
            using var whistled = await http.PostJsonAsync($"/api/v1/cases/{created.Id}/whistle", new { departmentIds = new[] { "tc-a-t1-pol" } });
            summonses.AddRange((await whistled.ReadAsync<SummonsView[]>()).Select(s => s.Id));
        }

        foreach (var (name, stream) in new[] { ("A", streamA), ("B", streamB) })
        {
            foreach (var id in summonses)
                await stream.ReceivedOrNextAsync("summons", s => s.GetProperty("id").GetString() == id);
            var issued = stream.Received.Where(e => e.Type == "summons" && e.Data.GetProperty("state").GetString() == "issued")
                .Select(e => e.Data.GetProperty("id").GetString()).ToList();
            Assert.True(issued.Count == issued.Distinct().Count(), $"silo {name}'s stream announced a summons twice: {string.Join(", ", issued)}");
        }
    }

    /// <summary>Polls /health every 100 ms for at most 60 s until the silo is ready and sees <paramref name="silos"/> active silos.</summary>
    private static async Task WaitUntilClusteredAsync(SiloHost host, int silos)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await host.Http.GetAsync("/health");
            last = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && JsonDocument.Parse(last).RootElement.GetProperty("activeSilos").GetInt32() == silos)
                return;
            await Task.Delay(100);
        }
        Assert.Fail($"The silo at {host.Address} did not see {silos} active silos within 60 s: {last}");
    }
}
