using System.Collections.Concurrent;
using System.Text.Json;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Notifications;

/// <summary>
/// Nothing lost, nothing renamed: whistles while the webhook receiver is down, kill -9 of the silo process, then the
/// receiver and the silo back on the same store — every summons's notification arrives, with its original event id.
/// </summary>
public sealed class NotificationCrashTests
{
    [Fact]
    public async Task KillWhileReceiverDown_EveryNotificationArrivesAfterwardsWithItsEventId()
    {
        var dir = Directory.CreateTempSubdirectory("dispatch-notify-crash-").FullName;
        var db = Path.Combine(dir, "dispatch.db");
        var receiver = await NotificationReceiver.StartAsync();
        await receiver.StopAsync(); // down from the start: every attempt before the kill fails
        string[] settings =
        [
            $"--Notifications:Webhooks:0:Url={receiver.HookUrl}",
            $"--Notifications:Webhooks:0:Secret={NotificationReceiver.Secret}",
            "--Notifications:Webhooks:0:Departments:0=*",
            "--Notifications:PollInterval=00:00:00.200",
            "--Notifications:FirstRetry=00:00:00.500",
            "--Notifications:MaxRetryDelay=00:00:01",
        ];
        var expected = new ConcurrentBag<string>();

        await using (var first = await SiloProcess.StartAsync(db, dir, settings))
        {
            using var http = await ProcessApi.CommissionerAsync(first.Address);
            using var admin = await ProcessApi.ClientAsync(first.Address, new { role = "admin" });
            for (var i = 0; i < 12; i++)
            {
                var caseId = await ProcessApi.ReportAsync(http, "notification crash test");
                foreach (var summons in await ProcessApi.WhistleAsync(http, caseId, "PT1H", "PT2H")) expected.Add($"{summons}.issued");
            }
            // Before the kill, the queue holds them and has tried them at least once.
            await NotificationReceiver.UntilAsync(async () => await AttemptedAsync(admin) >= expected.Count / 2,
                TimeSpan.FromSeconds(30), () => "the dispatcher did not try the webhook while the receiver was down");
            await first.KillAsync();
        }

        await receiver.StartAgainAsync();
        await using var second = await SiloProcess.StartAsync(db, dir, settings);
        await using (receiver)
        {
            await NotificationReceiver.UntilAsync(() => expected.All(id => receiver.Hooks(id).Count > 0), TimeSpan.FromSeconds(60),
                () => $"after the restart {expected.Count(id => receiver.Hooks(id).Count == 0)} of {expected.Count} notifications had not arrived, e.g. "
                    + expected.First(id => receiver.Hooks(id).Count == 0) + "\n" + second.Tail());
            var received = receiver.Hooks();
            Assert.All(received, h => Assert.True(h.SignatureValid, $"bad signature on {h.EventId}"));
            Assert.All(received, h => Assert.Equal(h.EventId, JsonDocument.Parse(h.Body).RootElement.GetProperty("id").GetString()));
            // At least once, never under another id: every event id received is one of the summonses' notifications.
            var unexpected = received.Select(h => h.EventId!).Where(id => !expected.Contains(id)).Distinct().ToList();
            Assert.True(unexpected.Count == 0, $"events with ids no summons had: {string.Join(", ", unexpected)}");
        }
    }

    /// <summary>How many webhook deliveries have been attempted at least once (from the API).</summary>
    private static async Task<int> AttemptedAsync(HttpClient admin)
    {
        var list = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/notifications?state=pending")).RootElement;
        return list.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("attempts").GetInt32() > 0);
    }
}
