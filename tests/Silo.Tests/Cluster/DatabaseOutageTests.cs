using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Infrastructure;
using Dispatch.Testing;
using Xunit.Abstractions;

namespace Dispatch.Silo.Tests.Cluster;

/// <summary>
/// Two real silo processes on a PostgreSQL server of their own, which is restarted (immediate mode) and then stopped for
/// 30 s. The silos stay up; while the store is away the API answers 503 problem+json with Retry-After within the request
/// budget (never a 500, never a hang); it recovers by itself; nothing accepted before is lost; and acknowledgement
/// deadlines that fell due during the outage fire after it (the store says so; how many of those escalations reached
/// the SSE client is printed).
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StoreRestartedThenAwayFor30Seconds_503WithRetryAfter_RecoversAndLosesNothing()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var database = await postgres.CreateDatabaseAsync("dispatch");
        await using var cluster = await ProcessCluster.StartAsync(database, 2, $"--Retry:RequestBudget={Budget}");
        var silos = cluster.Silos;
        using var admin = await ProcessApi.ClientAsync(silos[0].Address, new { role = "admin" });
        await using var stream = await ServerSentEventReader.OpenAsync(admin, "tc");
        var clients = await Task.WhenAll(silos.Select(s => ProcessApi.CommissionerAsync(s.Address)));
        var accepted = new ConcurrentDictionary<string, string[]>();

        // Accepted before: their acknowledgement deadlines fall due while the store is stopped.
        for (var i = 0; i < 6; i++)
            await WhistleAsync(clients[i % 2], accepted, "PT15S");
        var dueDuringOutage = accepted.Values.Select(s => s[0]).ToList();

        await postgres.RestartImmediatelyAsync();
        var afterRestart = await UntilAcceptedAsync(silos, clients, accepted, TimeSpan.FromSeconds(60));
        output.WriteLine($"After pg_ctl restart -m immediate, a whistle was accepted again after {afterRestart.TotalSeconds:0.0} s");

        await postgres.StopImmediatelyAsync();
        var stopped = Stopwatch.StartNew();
        var unavailable = 0;
        var caseIds = accepted.Keys.ToArray();
        for (var i = 0; stopped.Elapsed < Outage; i++)
        {
            var http = clients[i % 2];
            unavailable += await AnsweredInTimeAsync(silos, () => http.PostJsonAsync("/api/v1/cases",
                new { gridId = ProcessApi.Grid, category = "neighbourDispute", summary = "during the outage", source = "window" })) ? 0 : 1;
            unavailable += await AnsweredInTimeAsync(silos, () => http.GetAsync($"/api/v1/cases/{caseIds[i % caseIds.Length]}")) ? 0 : 1;
            Assert.False(silos.Any(s => s.HasExited), $"a silo died while the store was away:\n{string.Join("\n", silos.Select(s => s.Tail()))}");
        }
        Assert.True(unavailable > 0, "no request was answered 503 while the store was stopped");
        output.WriteLine($"{unavailable} answers were 503 during the {Outage.TotalSeconds:0} s outage");

        await postgres.StartAgainAsync();
        var recovered = await UntilAcceptedAsync(silos, clients, accepted, TimeSpan.FromSeconds(90));
        output.WriteLine($"After the store came back, a whistle was accepted again after {recovered.TotalSeconds:0.0} s");

        foreach (var (caseId, summonses) in accepted)
        {
            var view = await ProcessApi.CaseAsync(admin, caseId);
            var stored = view.GetProperty("summonses").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet();
            Assert.True(summonses.All(stored.Contains), $"a summons of {caseId} is lost after the outage");
        }
        // The deadlines that fell due while the store was away fired after it came back: the store says so.
        foreach (var (caseId, summonses) in accepted.Where(a => dueDuringOutage.Contains(a.Value[0])))
            await UntilEscalatedAsync(admin, caseId, summonses[0]);
        var missing = dueDuringOutage.ToHashSet();
        try
        {
            while (missing.Count > 0)
                missing.Remove((await stream.NextAsync("escalation", e => missing.Contains(e.GetProperty("summonsId").GetString()!), TimeSpan.FromSeconds(10))).GetProperty("summonsId").GetString()!);
        }
        catch (TimeoutException)
        {
            missing.RemoveWhere(s => stream.Received.Any(e => e.Type == "escalation" && e.Data.GetProperty("summonsId").GetString() == s));
        }
        // Live events are a courtesy around a store outage (the streams' subscriptions live in the store): counted, not required.
        output.WriteLine($"{dueDuringOutage.Count - missing.Count} of their {dueDuringOutage.Count} escalations reached the SSE client");
    }

    /// <summary>Reads the case every 200 ms, for at most a minute, until the summons is escalated.</summary>
    private static async Task UntilEscalatedAsync(HttpClient http, string caseId, string summonsId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        string? state;
        do
        {
            var view = await ProcessApi.CaseAsync(http, caseId);
            state = view.GetProperty("summonses").EnumerateArray().First(s => s.GetProperty("id").GetString() == summonsId).GetProperty("state").GetString();
            if (state == "escalated")
                return;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"summons {summonsId} of {caseId}, due while the store was away, is still {state} a minute after it came back");
    }

    private static async Task WhistleAsync(HttpClient http, ConcurrentDictionary<string, string[]> accepted, string ackWithin)
    {
        var caseId = await ProcessApi.ReportAsync(http, "outage test");
        accepted[caseId] = await ProcessApi.WhistleAsync(http, caseId, ackWithin, "PT5M");
    }

    /// <summary>
    /// Tries report + whistle through each silo in turn until one is accepted (every answer on the way a success or a
    /// 503 in time); returns how long it took.
    /// </summary>
    private static async Task<TimeSpan> UntilAcceptedAsync(SiloProcess[] silos, HttpClient[] clients, ConcurrentDictionary<string, string[]> accepted, TimeSpan patience)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; ; i++)
        {
            Assert.True(watch.Elapsed < patience, $"no whistle was accepted within {patience} after the store came back");
            var http = clients[i % clients.Length];
            using var reported = await http.PostJsonAsync("/api/v1/cases",
                new { gridId = ProcessApi.Grid, category = "neighbourDispute", summary = "after the outage", source = "window", risk = "red" });
            if (reported.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                await AssertUnavailableAsync(reported);
                continue;
            }
            Assert.True(reported.StatusCode != HttpStatusCode.InternalServerError,
                $"a 500 after the store came back; the silos' logs end:\n{string.Join("\n---\n", silos.Select(s => s.Tail(60)))}");
            var caseId = (await reported.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
            accepted[caseId] = await ProcessApi.WhistleAsync(http, caseId, "PT1M", "PT5M");
            return watch.Elapsed;
        }
    }

    /// <summary>True for a success; false for a 503 problem with Retry-After; anything else, or an answer later than the budget allows, fails.</summary>
    private static async Task<bool> AnsweredInTimeAsync(SiloProcess[] silos, Func<Task<HttpResponseMessage>> request)
    {
        var watch = Stopwatch.StartNew();
        using var response = await request();
        Assert.True(watch.Elapsed < Budget + TimeSpan.FromSeconds(3), $"an answer took {watch.Elapsed}, past the request budget of {Budget}");
        if (response.IsSuccessStatusCode)
            return true;
        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError,
            $"a 500 while the store was away; the silos' logs end:\n{string.Join("\n---\n", silos.Select(s => s.Tail(60)))}");
        await AssertUnavailableAsync(response);
        return false;
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.True(response.Headers.RetryAfter is not null, $"a 503 without Retry-After: {problem}");
    }
}
