using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dispatch.Silo.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dispatch.Silo.Tests.Hosting;

/// <summary>
/// Nothing lost: kill -9 the silo process during a burst of whistles, start it again on the same store, and find
/// every accepted whistle with its summonses and every deadline: stored as a reminder, and firing.
/// </summary>
public sealed class CrashTests
{
    [Fact]
    public async Task KillDuringWhistleBurst_RestartKeepsEveryAcceptedWhistleAndDeadline()
    {
        var dir = Directory.CreateTempSubdirectory("dispatch-crash-").FullName;
        var db = Path.Combine(dir, "dispatch.db");
        var accepted = new ConcurrentDictionary<string, string[]>();

        await using (var first = await SiloProcess.StartAsync(db, dir))
        {
            using var http = await ProcessApi.CommissionerAsync(first.Address);
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var workers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < 200 && !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var caseId = await ProcessApi.ReportAsync(http, "crash test");
                        var summonses = await ProcessApi.WhistleAsync(http, caseId, "PT5S", "PT10S");
                        accepted[caseId] = summonses;
                        if (accepted.Count >= 40) enough.TrySetResult();
                    }
                    catch (HttpRequestException)
                    {
                        return; // the silo is gone
                    }
                }
            })).ToArray();
            await enough.Task.WaitAsync(stop.Token);
            await first.KillAsync();
            await Task.WhenAll(workers);
        }

        Assert.True(accepted.Count >= 40, $"only {accepted.Count} whistles were accepted before the kill");
        await using var second = await SiloProcess.StartAsync(db, dir);
        using var admin = await ProcessApi.ClientAsync(second.Address, new { role = "admin" });
        await using var stream = await ServerSentEventReader.OpenAsync(admin, "tc");

        foreach (var (caseId, summonses) in accepted)
        {
            var view = await ProcessApi.CaseAsync(admin, caseId);
            var stored = view.GetProperty("summonses").EnumerateArray().ToList();
            foreach (var id in summonses)
            {
                Assert.True(stored.Any(s => s.GetProperty("id").GetString() == id), $"summons {id} of {caseId} is lost");
            }
            var first = stored.First(s => s.GetProperty("id").GetString() == summonses[0]);
            if (first.GetProperty("state").GetString() == "escalated") continue;
            Assert.True(HasDeadlineReminder(db, caseId), $"case {caseId} has an open summons but no stored deadline reminder");
            // The acknowledgement deadline (5 s) passes soon after the restart: its escalation must arrive live.
            await stream.ReceivedOrNextAsync("escalation", e => e.GetProperty("summonsId").GetString() == summonses[0]);
        }

        // Every accepted summons is in its department's inbox (the read models): rows a crash cut off are re-sent at start.
        foreach (var department in ProcessApi.Departments)
        {
            var expected = accepted.Values.Select(ids => ids[Array.IndexOf(ProcessApi.Departments, department)]).ToHashSet();
            await InboxHoldsAsync(admin, department, expected);
        }
    }

    /// <summary>Reads the department's inbox until it lists every expected summons, or fails after 30 s.</summary>
    private static async Task InboxHoldsAsync(HttpClient admin, string department, HashSet<string> expected)
    {
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await admin.GetAsync($"/api/v1/departments/{department}/summonses?state=all");
            var listed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                .EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToHashSet();
            var missing = expected.Where(id => !listed.Contains(id)).ToList();
            if (missing.Count == 0) return;
            Assert.True(patience.Elapsed < TimeSpan.FromSeconds(30),
                $"{department}'s inbox lists {listed.Count} summonses and lacks {missing.Count} accepted ones, e.g. {missing[0]}");
            await Task.Delay(100); // the rows are written in the background: look again shortly
        }
    }

    private static bool HasDeadlineReminder(string db, string caseId)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        // Orleans' reminder table (our schema); the grain id is "<grain type>/<key>".
        command.CommandText = "SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName = 'deadline' AND GrainId LIKE '%/' || $key";
        command.Parameters.AddWithValue("$key", caseId);
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }
}
