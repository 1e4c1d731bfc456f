using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.Tests.Engine;
using Dispatch.Silo.Storage;
using Dispatch.Testing;
using NodaTime;

namespace Dispatch.Grains.Tests.Stats;

/// <summary>The projection across a restart, on SQLite and PostgreSQL: stored outboxes are re-sent, and count once.</summary>
public abstract class StatsRestartTests : IAsyncLifetime
{
    private static readonly LocalDate Monday = new(2026, 11, 23);
    private EngineSilo _engine = null!;

    protected abstract Task<StoreOptions> NewStoreAsync();

    public async Task InitializeAsync() => _engine = await EngineSilo.StartAsync(await NewStoreAsync());

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private Task<StatsView> DayAsync(string scope) => _engine.Stats.GetAsync(scope, StatsPeriod.Day, Monday);

    [Fact]
    public async Task Restart_StoredOutboxResent_CountsOnceAndLaterChangesCount()
    {
        var id = EngineSilo.NewCaseId();
        var grain = _engine.Grains.GetGrain<ICaseGrain>(id);
        await grain.Report(new ReportCase("tc-a-t1-g1", Category.Labour, "劳动争议", CaseSource.Window, CaseTier.General, RiskColour.Orange, null, EngineSilo.Admin));
        var summons = (await grain.Whistle(new WhistleCase(["tc-a-t1-pol"], null, null, null, EngineSilo.Admin))).Value!.Single();
        Assert.Equal(0, await grain.DeliverOutbox()); // delivered, but the stored outbox still lists the copies until the next write

        await _engine.RestartAsync();
        grain = _engine.Grains.GetGrain<ICaseGrain>(id);
        Assert.Equal(0, await grain.DeliverOutbox());
        var township = await DayAsync("tc-a-t1");
        Assert.Equal((1, 1, 0), (township.Accepted, township.Summoned, township.AckedOnTime));

        await _engine.AdvanceAsync(Duration.FromMinutes(20));
        await grain.ActOnSummons(new SummonsCommand(summons.Id, SummonsActionKind.Acknowledge, null, false, EngineSilo.Department("tc-a-t1-pol")));
        Assert.Equal(0, await grain.DeliverOutbox());

        var department = await DayAsync("tc-a-t1-pol");
        Assert.Equal((1, 1, 1, Duration.FromMinutes(20)), (department.Accepted, department.Summoned, department.AckedOnTime, department.MedianAck));
        Assert.Equal((1, 1, 1), ((await DayAsync("tc")).Accepted, (await DayAsync("tc-a")).Summoned, (await DayAsync("tc-a-t1")).AckedOnTime));
    }
}

public sealed class SqliteStatsRestartTests : StatsRestartTests
{
    protected override Task<StoreOptions> NewStoreAsync() => Task.FromResult(StoreOptions.Sqlite(TestDatabases.NewSqliteFile()));
}

public sealed class PostgresStatsRestartTests : StatsRestartTests
{
    protected override async Task<StoreOptions> NewStoreAsync() => StoreOptions.Postgres(await TestDatabases.NewPostgresDatabaseAsync());
}
