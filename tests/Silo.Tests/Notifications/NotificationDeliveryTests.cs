using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Silo.Notifications;
using Dispatch.Silo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Dispatch.Silo.Tests.Notifications;

/// <summary>
/// A department configured with a webhook, an SMS gateway and a mailbox, on the real silo (SQLite, fake clock): a real
/// HTTP receiver on loopback that fails the first attempts and checks the signature, and a real SMTP server (aiosmtpd).
/// </summary>
public sealed class NotificationDeliveryTests
{
    public const string Department = "tc-a-t1-pol";
    public const string Phone = "13800000001";
    public const string Mailbox = "pol-duty@example.cn";

    /// <summary>The test city with notification contacts for <see cref="Department"/>; returns the file's path.</summary>
    public static string CityWithContacts()
    {
        var json = JsonNode.Parse(File.ReadAllText(SiloHost.CityFile))!.AsObject();
        json["notifications"] = JsonNode.Parse($$"""
            { "contacts": { "{{Department}}": { "phone": "{{Phone}}", "email": "{{Mailbox}}" } } }
            """);
        var path = Path.Combine(Directory.CreateTempSubdirectory("dispatch-city-").FullName, "city-notify.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    public static string[] Settings(NotificationReceiver receiver, int? smtpPort) =>
    [
        $"--City:File={CityWithContacts()}",
        $"--Notifications:Webhooks:0:Url={receiver.HookUrl}",
        $"--Notifications:Webhooks:0:Secret={NotificationReceiver.Secret}",
        $"--Notifications:Webhooks:0:Departments:0={Department}",
        $"--Notifications:Sms:Url={receiver.SmsUrl}",
        "--Notifications:Sms:Method=GET",
        .. smtpPort is { } port ? new[] { "--Notifications:Email:Host=127.0.0.1", $"--Notifications:Email:Port={port}", "--Notifications:Email:Security=none" } : [],
    ];

    [Fact]
    public async Task Summons_ReachesWebhookSmsAndMail_RetriedWithItsEventId_RemindedUntilAcknowledged()
    {
        await using var receiver = await NotificationReceiver.StartAsync(failFirst: 2);
        await using var smtp = await SmtpServer.StartAsync();
        await using var host = await SiloHost.StartSqliteAsync([.. Settings(receiver, smtp.Port), "--Notifications:PollInterval=01:00:00"]);
        var dispatcher = host.App.Services.GetRequiredService<NotificationDispatcher>();
        using var commissioner = await host.ClientAsync("commissioner", "tc-a-t1");
        using var admin = await host.ClientAsync("admin");

        using var created = await commissioner.PostJsonAsync("/api/v1/cases",
            new { gridId = "tc-a-t1-g1", category = "neighbourDispute", summary = "楼上漏水，住户争执", source = "window", risk = "red" });
        var caseId = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var whistled = await commissioner.PostJsonAsync($"/api/v1/cases/{caseId}/whistle", new { departmentIds = new[] { Department } });
        var summonsId = (await whistled.ReadAsync<JsonElement>()).EnumerateArray().Single().GetProperty("id").GetString()!;
        await host.DeliverAsync(caseId); // the case's outbox has handed its notifications to the queue
        var issued = $"{summonsId}.issued";

        // First pass: SMS and mail arrive, the webhook answers 500; two retries later (backoff on the fake clock) it takes it.
        await dispatcher.RunOnceAsync();
        Assert.Single(receiver.Hooks(issued));
        await host.AdvanceAsync(Duration.FromSeconds(13)); // first retry: 10 s ± 20 %
        await dispatcher.RunOnceAsync();
        Assert.Equal(2, receiver.Hooks(issued).Count);
        await host.AdvanceAsync(Duration.FromSeconds(25)); // second retry: 20 s ± 20 %
        await dispatcher.RunOnceAsync();
        var hooks = receiver.Hooks(issued);
        Assert.Equal(3, hooks.Count);
        Assert.All(hooks, h => Assert.True(h.SignatureValid, "X-Dispatch-Signature does not match the body"));
        Assert.Single(hooks.Select(h => h.Body).Distinct()); // the same bytes on every try
        var body = JsonDocument.Parse(hooks[0].Body).RootElement;
        Assert.Equal(issued, body.GetProperty("id").GetString());
        Assert.Equal("summons.issued", body.GetProperty("type").GetString());
        Assert.Equal(summonsId, body.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(Department, body.GetProperty("data").GetProperty("departmentId").GetString());

        var sms = Assert.Single(receiver.Calls, c => c.Path == "/sms" && c.EventId == issued);
        Assert.Equal(Phone, sms.Phone);
        Assert.StartsWith("【吹哨报到】哨令", sms.Text);
        Assert.True(sms.Text!.Length <= SmsText.Segment, $"the SMS has {sms.Text.Length} characters");
        await NotificationReceiver.UntilAsync(() => smtp.Messages().Any(m => m.Contains($"X-Dispatch-Event-Id: {issued}")),
            TimeSpan.FromSeconds(10), () => $"no mail with event {issued}; got {smtp.Messages().Count}; the e-mail rows: " + string.Join("; ",
                host.App.Services.GetRequiredService<SqlNotificationStore>().ListAsync(new NotificationFilter(CaseId: caseId), 50).GetAwaiter().GetResult()
                    .Where(r => r.Channel == Grains.Domain.Notifications.NotificationChannel.Email).Select(r => $"{r.EventId} {r.State} {r.Attempts} {r.LastError}")));
        Assert.Contains($"X-RcptTo: {Mailbox}", smtp.Messages().Single(m => m.Contains(issued)));

        // The API lists the deliveries with their attempts.
        using var listed = await admin.GetAsync($"/api/v1/notifications?case={caseId}&state=delivered");
        var items = (await listed.ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        var webhook = items.Single(i => i.GetProperty("eventId").GetString() == issued && i.GetProperty("channel").GetString() == "webhook");
        Assert.Equal(3, webhook.GetProperty("attempts").GetInt32());
        Assert.Contains(items, i => i.GetProperty("eventId").GetString() == issued && i.GetProperty("channel").GetString() == "email");

        // Red: reminded every 5 minutes until acknowledged.
        await host.AdvanceAsync(Duration.FromMinutes(5));
        await dispatcher.RunOnceAsync();
        Assert.Single(receiver.Hooks($"{summonsId}.reminder.1"));
        using var department = await host.ClientAsync("department", Department);
        (await department.PostJsonAsync($"/api/v1/summonses/{summonsId}/ack", new { })).Dispose();
        await host.DeliverAsync(caseId);
        await host.AdvanceAsync(Duration.FromMinutes(10));
        await dispatcher.RunOnceAsync();
        Assert.Empty(receiver.Hooks($"{summonsId}.reminder.2"));
        Assert.Empty(receiver.Hooks($"{summonsId}.ackApproaching"));
        using var cancelled = await admin.GetAsync($"/api/v1/notifications?case={caseId}&state=cancelled");
        Assert.Contains((await cancelled.ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("eventId").GetString() == $"{summonsId}.reminder.2");
    }

    [Fact]
    public async Task NotificationsApi_ChecksScopeAndInput()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var host = await SiloHost.StartSqliteAsync(Settings(receiver, null));
        using var other = await host.ClientAsync("department", "tc-a-t2-pol");
        using var own = await host.ClientAsync("department", Department);
        using var commissioner = await host.ClientAsync("commissioner", "tc-a-t1");
        using var leader = await host.ClientAsync("dutyLeader", "tc-a");

        await (await other.GetAsync($"/api/v1/notifications?department={Department}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await own.GetAsync("/api/v1/notifications?state=bogus")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "state");
        await (await commissioner.GetAsync("/api/v1/notifications")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using var mine = await own.GetAsync($"/api/v1/notifications?department={Department}");
        Assert.Equal(0, (await mine.ReadAsync<JsonElement>()).GetProperty("failed").GetInt32());
        using var county = await leader.GetAsync("/api/v1/notifications");

        Assert.Equal(HttpStatusCode.OK, county.StatusCode);
    }
}
