using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Infrastructure;
using Dispatch.Testing;
using Xunit.Abstractions;

namespace Dispatch.Silo.Tests.Cluster;

/// <summary>
/// Three real silo processes on one PostgreSQL database. Cases are reported and whistled through all three; one silo is
/// killed with SIGKILL while the others keep taking whistles. Nothing accepted is lost, the survivors never answer an
/// error, the killed silo's deadlines fire on a survivor, and an SSE client on a survivor sees the summonses of cases
/// whistled through the other silos before the kill and once the cluster has settled after it.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    private const string AckWithin = "PT8S";

    [Fact]
    public async Task KillOneOfThreeSilos_NothingLost_SurvivorsAnswer_DeadlinesFire_LiveEventsCrossSilos()
    {
        await using var cluster = await ProcessCluster.StartAsync(await TestDatabases.NewPostgresDatabaseAsync(), 3);
        var silos = cluster.Silos;
        var (watcherSilo, otherSurvivor, victim) = (silos[0], silos[1], silos[2]);
        using var admin = await ProcessApi.ClientAsync(watcherSilo.Address, new { role = "admin" });
        await using var stream = await ServerSentEventReader.OpenAsync(admin, "tc");
        var clients = await Task.WhenAll(silos.Select(s => ProcessApi.CommissionerAsync(s.Address)));

        // Before the kill: through every silo, and the watcher sees every summons live.
        var before = new List<Accepted>();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < silos.Length; i++)
                before.Add(await WhistleAsync(clients[i], silos[i].Name));
        }
        foreach (var accepted in before)
            await SeenLiveAsync(stream, accepted);

        // The kill, while the survivors keep taking whistles: none of them may fail.
        var after = new ConcurrentBag<Accepted>();
        var failures = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var survivors = new[] { (clients[0], watcherSilo.Name), (clients[1], otherSurvivor.Name) }.Select(s => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    after.Add(await WhistleAsync(s.Item1, s.Name));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Add($"{s.Name}: {e.Message}");
                }
            }
        })).ToArray();
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        // Every case (the victim's included) answers through a survivor; the survivors keep going for a while.
        foreach (var accepted in before)
            await ProcessApi.CaseAsync(clients[1], accepted.CaseId);
        var answeredAgain = DateTimeOffset.UtcNow - killedAt;
        var patience = DateTimeOffset.UtcNow.AddSeconds(60);
        while (after.Count < 10 && failures.IsEmpty && DateTimeOffset.UtcNow < patience)
            await Task.Delay(50);
        await stop.CancelAsync();
        await Task.WhenAll(survivors);
        Assert.True(failures.IsEmpty, $"a survivor failed during the failover: {string.Join("; ", failures.Take(5))}");
        Assert.True(after.Count >= 10, $"the survivors accepted only {after.Count} whistles in the minute after the kill");
        output.WriteLine($"The killed silo's cases answered again {answeredAgain.TotalSeconds:0.00} s after the kill; {after.Count} whistles accepted meanwhile");
        Assert.True(answeredAgain < TimeSpan.FromSeconds(20), $"the killed silo's cases answered again only after {answeredAgain}");

        // Every accepted whistle and summons is stored; the watcher saw the summonses whistled through the other survivor.
        foreach (var accepted in before.Concat(after))
        {
            var view = await ProcessApi.CaseAsync(admin, accepted.CaseId);
            var stored = view.GetProperty("summonses").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet();
            Assert.True(accepted.Summonses.All(stored.Contains), $"a summons of {accepted.CaseId} (whistled through {accepted.Via}) is lost");
        }
        // Live events are best effort while the victim's in-memory stream queues move to a survivor (an event queued on
        // the victim dies with it; the case and its summonses are stored, as checked above, and a dashboard reloads them).
        // Once the cluster has settled, every summons whistled through the other survivor reaches the watcher live again.
        var settled = new List<Accepted>();
        for (var i = 0; i < 3; i++)
            settled.Add(await WhistleAsync(clients[1], otherSurvivor.Name));
        foreach (var accepted in settled)
            await SeenLiveAsync(stream, accepted);

        // Acknowledgement deadlines (8 s) fell due around and after the kill, also for the cases whose grains ran on the
        // victim: each one escalates (stored: its first summons is escalated), on a survivor when the victim is gone. Their
        // live events are best effort like the others' (one fired on the victim just before the kill dies with it).
        foreach (var accepted in before)
            await EscalatedAsync(clients[1], accepted);
        // Deadlines falling due once the cluster has settled reach the watcher live, whichever silo fires them.
        foreach (var accepted in settled)
        {
            var escalation = await stream.ReceivedOrNextAsync("escalation", e => e.GetProperty("summonsId").GetString() == accepted.Summonses[0]);
            Assert.Equal("ack", escalation.GetProperty("kind").GetString());
        }
        Assert.False(watcherSilo.HasExited || otherSurvivor.HasExited, "a survivor died");
    }

    private sealed record Accepted(string CaseId, string[] Summonses, string Via);

    private static async Task<Accepted> WhistleAsync(HttpClient http, string via)
    {
        var caseId = await ProcessApi.ReportAsync(http, $"cluster test via {via}");
        return new Accepted(caseId, await ProcessApi.WhistleAsync(http, caseId, AckWithin, "PT60S"), via);
    }

    /// <summary>Reads the case until its first summons is escalated; fails after 60 s.</summary>
    private static async Task EscalatedAsync(HttpClient http, Accepted accepted)
    {
        var patience = DateTimeOffset.UtcNow.AddSeconds(60);
        string? state = null;
        while (DateTimeOffset.UtcNow < patience)
        {
            var view = await ProcessApi.CaseAsync(http, accepted.CaseId);
            state = view.GetProperty("summonses").EnumerateArray()
                .First(s => s.GetProperty("id").GetString() == accepted.Summonses[0]).GetProperty("state").GetString();
            if (state == "escalated")
                return;
            await Task.Delay(200);
        }
        Assert.Fail($"summons {accepted.Summonses[0]} of {accepted.CaseId} (whistled through {accepted.Via}) is still {state} a minute after its deadline");
    }

    private static async Task SeenLiveAsync(ServerSentEventReader stream, Accepted accepted)
    {
        foreach (var id in accepted.Summonses)
        {
            try
            {
                await stream.ReceivedOrNextAsync("summons", s => s.GetProperty("id").GetString() == id);
            }
            catch (TimeoutException e)
            {
                Assert.Fail($"The SSE client did not see summons {id} of a case whistled through {accepted.Via}: {e.Message}");
            }
        }
    }
}
