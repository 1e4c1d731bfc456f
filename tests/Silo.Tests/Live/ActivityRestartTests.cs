using System.Net;
using System.Text.Json;
using Dispatch.Dashboard.Live;
using Dispatch.Silo.Tests.Infrastructure;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Dispatch.Silo.Tests.Live;

/// <summary>The duty board's 24-hour activity comes back from the store after a restart: the same numbers as before it.</summary>
public sealed class ActivityRestartTests
{
    private const string Township = "tc-a-t1";
    private const string County = "tc-a";

    [Fact]
    public async Task Restart_RebuildsTheLastDaysActivityFromTheStore()
    {
        string[] storage = ["--Storage:Provider=sqlite", $"--Storage:ConnectionString={TestDatabases.NewSqliteFile()}"];
        string[] scopes = [County, Township, "tc-a-t1-pol", "tc-a-t1-jud", "tc-a-psb"];
        Dictionary<string, IReadOnlyList<ActivityPoint>> before;
        Instant now;
        await using (var first = await SiloHost.StartAsync(storage))
        {
            using var commissioner = await first.ClientAsync("commissioner", Township);
            using var created = await commissioner.PostJsonAsync("/api/v1/cases",
                new { gridId = "tc-a-t1-g1", category = "neighbourDispute", summary = "重启后仍有", source = "window", risk = "red" });
            var caseId = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
            using var whistle = await commissioner.PostJsonAsync($"/api/v1/cases/{caseId}/whistle",
                new { departmentIds = new[] { "tc-a-t1-pol", "tc-a-t1-jud" } });
            var police = (await whistle.ReadAsync<JsonElement>()).EnumerateArray().First(s => s.GetProperty("departmentId").GetString() == "tc-a-t1-pol");
            await first.AdvanceAsync(Duration.FromMinutes(5));
            using var station = await first.ClientAsync("department", "tc-a-t1-pol");
            using (var ack = await station.PostJsonAsync($"/api/v1/summonses/{police.GetProperty("id").GetString()}/ack", new { }))
                Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            await first.AdvanceAsync(Duration.FromMinutes(20)); // the judicial office missed its acknowledgement: escalated
            await first.DeliverAsync(caseId);

            var history = first.App.Services.GetRequiredService<ActivityHistory>();
            // The live pusher records events into the history in the background: wait until it has them all.
            var patience = System.Diagnostics.Stopwatch.StartNew();
            while ((Totals(history.Series(County)) != (1, 3, 1, 1) || history.Series(County).Sum(p => p.Counts.Escalations) != 1)
                   && patience.Elapsed < TimeSpan.FromSeconds(20))
                await Task.Delay(50);
            before = scopes.ToDictionary(s => s, s => history.Series(s));
            Assert.Equal((1, 3, 1, 1), Totals(before[County]));
            Assert.Equal(1, before[County].Sum(p => p.Counts.Escalations));
            now = first.Clock.GetCurrentInstant();
        }

        await using var second = await SiloHost.StartAtAsync(storage, now);
        var rebuilt = second.App.Services.GetRequiredService<ActivityHistory>();
        foreach (var scope in scopes)
        {
            Assert.Equal(before[scope], rebuilt.Series(scope));
        }
    }

    private static (int Whistles, int Summoned, int Acks, int AcksOnTime) Totals(IReadOnlyList<ActivityPoint> series) =>
        (series.Sum(p => p.Counts.Whistles), series.Sum(p => p.Counts.Summoned), series.Sum(p => p.Counts.Acks), series.Sum(p => p.Counts.AcksOnTime));
}
