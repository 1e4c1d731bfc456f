using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Notifications;
using Dispatch.Silo.Notifications;
using Dispatch.Silo.Storage;
using Dispatch.Silo.Tests.Infrastructure;
using Dispatch.Testing;
using NodaTime;

namespace Dispatch.Silo.Tests.Notifications;

/// <summary>The notification table on SQLite and PostgreSQL: stored once per event id, claimed by one silo, cancellations in force.</summary>
public sealed class NotificationStoreTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 1, 0);

    private static async Task<SqlNotificationStore> StoreAsync(StoreOptions store)
    {
        await OrleansSchema.ApplyAsync(store);
        var city = CityLoader.Load(SiloHost.CityFile);
        var options = new NotificationOptions { Webhooks = [new WebhookEndpoint { Url = "http://127.0.0.1:9/", Secret = "s", Departments = ["*"] }] };
        return new SqlNotificationStore(store, city, new NotificationRouting(city, options));
    }

    private static NotificationIntent Issued(int n) =>
        new($"C-1.S{n}.issued", "summons.issued", "C-1", $"C-1.S{n}", ["tc-a-t1-pol"], T0, T0, "{}", "哨令", TownshipId: "tc-a-t1");

    private static NotificationIntent Reminder(int n) =>
        new($"C-1.S{n}.reminder", "summons.reminder", "C-1", $"C-1.S{n}", ["tc-a-t1-pol"], T0, T0, "{}", "提醒", Duration.FromMinutes(5), "ack", TownshipId: "tc-a-t1");

    public static async Task<StoreOptions> PostgresAsync() => StoreOptions.Postgres(await TestDatabases.NewPostgresDatabaseAsync());

    [Fact]
    public Task Sqlite() => ContractAsync(StoreOptions.Sqlite(TestDatabases.NewSqliteFile()));

    [Fact]
    public async Task Postgres() => await ContractAsync(await PostgresAsync());

    private static async Task ContractAsync(StoreOptions options)
    {
        var one = await StoreAsync(options);
        var two = await StoreAsync(options); // a second silo on the same store
        var intents = Enumerable.Range(1, 40).Select(Issued).ToList();
        await one.EnqueueAsync(intents);
        await two.EnqueueAsync(intents); // re-sent: stored once
        Assert.Equal(40, (await one.ListAsync(new NotificationFilter(CaseId: "C-1"), 500)).Count);

        // Two silos claiming at once never take the same row.
        var lease = T0 + Duration.FromMinutes(2);
        var claims = await Task.WhenAll(one.ClaimAsync(T0, lease, 25), two.ClaimAsync(T0, lease, 25));
        var ids = claims.SelectMany(c => c).Select(d => d.DeliveryId).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
        Assert.Empty(await one.ClaimAsync(T0, lease, 25)); // leased
        Assert.Equal(40, (await one.ClaimAsync(lease + Duration.FromSeconds(1), lease + Duration.FromMinutes(3), 50)).Count); // lease ran out

        // A reminder series: delivered adds the next one; a cancellation stops it, also for rows that arrive later.
        await one.EnqueueAsync([Reminder(1)]);
        var first = Assert.Single(await one.ClaimAsync(T0, lease, 50), d => d.Type == "summons.reminder");
        Assert.Equal("C-1.S1.reminder.1", first.EventId);
        await one.DeliveredAsync(first, T0);
        var next = Assert.Single(await one.ListAsync(new NotificationFilter(CaseId: "C-1", State: "pending"), 500), d => d.Type == "summons.reminder");
        Assert.Equal(("C-1.S1.reminder.2", T0 + Duration.FromMinutes(5)), (next.EventId, next.NextAt));
        await one.EnqueueAsync([NotificationIntent.Cancellation("C-1", "C-1.S1", "ack", T0)]);
        Assert.Equal("cancelled", Assert.Single(await one.ListAsync(new NotificationFilter(CaseId: "C-1"), 500), d => d.EventId == "C-1.S1.reminder.2").State);
        await one.EnqueueAsync([Reminder(1) with { EventId = "C-1.S1.reminder-late" }]);
        Assert.DoesNotContain(await one.ListAsync(new NotificationFilter(CaseId: "C-1"), 500), d => d.EventId.StartsWith("C-1.S1.reminder-late"));

        // Failed for good: counted for the duty board.
        var row = (await one.ListAsync(new NotificationFilter(CaseId: "C-1", State: "pending"), 1))[0];
        await one.FailedAsync(row, T0, null, "gone");
        Assert.Equal(1, await one.CountFailedAsync(new NotificationFilter(CountyId: "tc-a")));
    }
}
