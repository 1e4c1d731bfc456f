using Dispatch.Runtime.Storage.AdoNet;
using Dispatch.Runtime.Testing;
using Dispatch.Runtime.Tests.TestGrains;
using NodaTime;

namespace Dispatch.Runtime.Tests.Reminders;

/// <summary>Durable reminder semantics, run on every store.</summary>
public abstract class ReminderTests
{
    protected abstract Task<StoreOptions> NewStoreAsync();

    [Fact]
    public async Task Reminder_FiresAtDueTimeNotBefore()
    {
        await using var silo = await RuntimeSilo.StartAsync(await NewStoreAsync());
        var alarm = silo.GrainFactory.GetGrain<IAlarmGrain>(RuntimeSilo.Key());
        var due = silo.Clock.GetCurrentInstant() + Duration.FromMinutes(10);
        await alarm.Set("ack", due, null);

        await silo.AdvanceAsync(Duration.FromMinutes(9) + Duration.FromSeconds(59));
        Assert.Empty(await alarm.Firings());

        await silo.AdvanceAsync(Duration.FromSeconds(1));
        var firing = Assert.Single(await alarm.Firings());
        Assert.Equal(("ack", due, due), (firing.Name, firing.DueAt, firing.FiredAt));
        Assert.Equal(0, await alarm.StoredReminderCount());
    }

    [Fact]
    public async Task Reminder_DueWhileSiloDown_FiresPromptlyAfterRestart()
    {
        var store = await NewStoreAsync();
        var silo = await RuntimeSilo.StartAsync(store);
        var key = RuntimeSilo.Key();
        var due = silo.Clock.GetCurrentInstant() + Duration.FromMinutes(30);
        await silo.GrainFactory.GetGrain<IAlarmGrain>(key).Set("arrive", due, null);
        await silo.StopAsync();

        silo.Clock.Advance(Duration.FromHours(2));
        silo = await TestSilo.StartAsync(RuntimeSilo.Options(store, clock: silo.Clock));
        await using var _ = silo;
        await silo.Runtime.Reminders.FireDueAsync();

        var firing = Assert.Single(await silo.GrainFactory.GetGrain<IAlarmGrain>(key).Firings());
        Assert.Equal(due, firing.DueAt);
        Assert.Equal(due + Duration.FromHours(1.5), firing.FiredAt);
    }

    [Fact]
    public async Task Reminder_Periodic_FiresEachPeriodAndSkipsMissedOnes()
    {
        await using var silo = await RuntimeSilo.StartAsync(await NewStoreAsync());
        var alarm = silo.GrainFactory.GetGrain<IAlarmGrain>(RuntimeSilo.Key());
        var start = silo.Clock.GetCurrentInstant();
        await alarm.Set("tick", start + Duration.FromMinutes(1), Duration.FromMinutes(1));

        await silo.AdvanceAsync(Duration.FromMinutes(1));
        await silo.AdvanceAsync(Duration.FromMinutes(1));
        await silo.AdvanceAsync(Duration.FromMinutes(5));

        var firings = await alarm.Firings();
        Assert.Equal(3, firings.Count);
        Assert.Equal(start + Duration.FromMinutes(3), firings[2].DueAt);
        Assert.Equal(1, await alarm.StoredReminderCount());
    }

    [Fact]
    public async Task Reminder_Cancelled_NeverFires()
    {
        await using var silo = await RuntimeSilo.StartAsync(await NewStoreAsync());
        var alarm = silo.GrainFactory.GetGrain<IAlarmGrain>(RuntimeSilo.Key());
        await alarm.Set("ack", silo.Clock.GetCurrentInstant() + Duration.FromMinutes(1), null);

        await alarm.Cancel("ack");
        await silo.AdvanceAsync(Duration.FromMinutes(2));

        Assert.Empty(await alarm.Firings());
    }

    [Fact]
    public async Task Reminder_Moved_FiresOnlyAtNewTime()
    {
        await using var silo = await RuntimeSilo.StartAsync(await NewStoreAsync());
        var alarm = silo.GrainFactory.GetGrain<IAlarmGrain>(RuntimeSilo.Key());
        var now = silo.Clock.GetCurrentInstant();
        await alarm.Set("ack", now + Duration.FromMinutes(1), null);
        await alarm.Set("ack", now + Duration.FromMinutes(5), null);

        await silo.AdvanceAsync(Duration.FromMinutes(2));
        Assert.Empty(await alarm.Firings());
        await silo.AdvanceAsync(Duration.FromMinutes(3));

        Assert.Equal(now + Duration.FromMinutes(5), Assert.Single(await alarm.Firings()).DueAt);
    }
}

public sealed class SqliteReminderTests : ReminderTests
{
    protected override Task<StoreOptions> NewStoreAsync() => Task.FromResult(StoreOptions.Sqlite(TestDatabases.NewSqliteFile()));
}

public sealed class PostgresReminderTests : ReminderTests
{
    protected override async Task<StoreOptions> NewStoreAsync() => StoreOptions.Postgres(await TestDatabases.NewPostgresDatabaseAsync());
}
