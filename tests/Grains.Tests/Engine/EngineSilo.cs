using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Engine;
using Dispatch.Grains.Engine.Events;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Serialization;
using Dispatch.Grains.ReadModels;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.ReadModels;
using Dispatch.Silo.Options;
using Dispatch.Silo.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Orleans;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Dispatch.Grains.Tests.Engine;

/// <summary>
/// The engine on a real in-process Orleans cluster of two silos (so every message crosses a silo boundary and is
/// serialized) on a real store, with one fake clock for the domain, grain timers and reminders, and a recorder of the
/// live events both silos publish. Deadlines are driven as in production: moving the clock and running the deadline
/// sweep, which wakes every grain whose reminder fell due.
/// </summary>
public sealed class EngineSilo : IAsyncDisposable
{
    /// <summary>Monday 2026-11-23 09:00 in Asia/Shanghai: a working morning.</summary>
    public static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 23, 1, 0);

    public static readonly CityModel City = CityLoader.Load(Path.Combine(AppContext.BaseDirectory, "Data", "city-test.json"));

    public static readonly Actor Admin = new(Actor.Admin, null, "admin");

    private readonly List<EventSubscription> _events = [];
    private readonly string _serviceId = "dispatch-test-" + Guid.NewGuid().ToString("N")[..8];
    private DeadlineSweep _sweep = null!;

    private EngineSilo(StoreOptions store, FakeTimeProvider time)
    {
        Store = store;
        Time = time;
        Views = new SqlReadModelReader(store);
        Stats = new StatsQueries(City, Views, new TimeProviderClock(time));
    }

    /// <summary>The read models (case rows, summons rows, statistics facts) as the API reads them.</summary>
    public IReadModelReader Views { get; }

    public StatsQueries Stats { get; }

    /// <summary>The cases a center handles now (only that center, not those under it), newest first.</summary>
    public async Task<IReadOnlyList<CaseSummary>> CasesHandledByAsync(string centerId) =>
        (await Views.CasesAsync(new CaseListQuery(new CaseScope(centerId, City.GetCenter(centerId).Level, WithCentersBelow: false),
            null, null, null, Now, 1, 1_000))).Items;

    /// <summary>A department's inbox as the API shows it.</summary>
    public Task<IReadOnlyList<SummonsView>> InboxAsync(string departmentId, bool openOnly) => Views.SummonsesAsync(departmentId, openOnly, 200);

    public StoreOptions Store { get; }
    public FakeTimeProvider Time { get; }
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;
    public Instant Now => Instant.FromDateTimeOffset(Time.GetUtcNow());

    public static Actor Commissioner(string township) => new(Actor.Commissioner, township, $"政法委员@{township}");
    public static Actor Department(string department) => new(Actor.Department, department, department);
    public static Actor DutyLeader(string county) => new(Actor.DutyLeader, county, $"值班领导@{county}");

    public static async Task<EngineSilo> StartAsync(StoreOptions? store = null, FakeTimeProvider? time = null, short silos = 2)
    {
        var engine = new EngineSilo(store ?? StoreOptions.Sqlite(TestDatabases.NewSqliteFile()),
            time ?? new FakeTimeProvider(MondayMorning.ToDateTimeOffset()));
        await engine.DeployAsync(silos);
        return engine;
    }

    private async Task DeployAsync(short silos)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        // State and reminders are keyed by the service id: a restarted cluster must keep it to find them.
        builder.Options.ServiceId = _serviceId;
        var store = Store;
        var time = Time;
        builder.ConfigureSiloHost((_, host) =>
        {
            // The fake clock is the domain's time and what grain timers and reminders are set by, but they never fire
            // on their own: the test runs the sweep (see AdvanceAsync). Orleans' own maintenance stays on real time.
            host.Services.AddSingleton<TimeProvider>(time);
            host.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            var silent = new ClockOnlyTimeProvider(time);
            host.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, silent);
            host.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, new FakeNowRealTimersTimeProvider(time));
            host.Services.AddDispatchEngine(City);
            host.Services.AddDispatchReadModels(store);
            host.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o => DispatchJson.Configure(o.JsonSerializerOptions));
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddDispatchStorage(store);
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        foreach (var silo in Cluster.Silos) _events.Add(silo.ServiceProvider.GetRequiredService<EventBus>().Subscribe());
        await WaitForRemindersAsync();
        var serviceId = Cluster.Options.ServiceId;
        _sweep = new DeadlineSweep(new DueReminders(store), Grains, time, serviceId, new DeadlineOptions(), NullLogger.Instance);
    }

    /// <summary>
    /// Waits until the reminder service answers on every silo: on a busy machine its start-up (reading the reminder
    /// table for its share of the ring) can outlast the first test's call. A case that does not exist asks for its
    /// reminder and changes nothing. A grain's reminder lives with the silo owning its place on the ring, so one answer
    /// proves one silo's service: 24 grains spread over the ring must each get an answer (with two silos, the chance that
    /// they all land on one silo's half is 2 × 2⁻²⁴).
    /// </summary>
    private async Task WaitForRemindersAsync()
    {
        var patience = System.Diagnostics.Stopwatch.StartNew();
        for (var probe = 0; probe < 24; probe++)
        {
            while (true)
            {
                try
                {
                    await Grains.GetGrain<ICaseGrain>($"C-T-reminders-ready-{probe}").CheckDeadlines();
                    break;
                }
                catch (OrleansException) when (patience.Elapsed < TimeSpan.FromSeconds(120))
                {
                    // "Reminder Service is still initializing": ask again.
                }
            }
        }
    }

    /// <summary>Stops every silo and starts a new cluster on the same store and clock.</summary>
    public async Task RestartAsync()
    {
        var silos = (short)Cluster.Silos.Count;
        await StopAsync();
        await DeployAsync(silos);
    }

    /// <summary>Moves the clock and waits until every grain with a deadline now due has acted on it.</summary>
    public Task AdvanceAsync(Duration by)
    {
        Time.Advance(by.ToTimeSpan());
        return SweepAsync();
    }

    /// <summary>Sets the clock (forward only) and waits until every grain with a deadline now due has acted on it.</summary>
    public Task SetAsync(Instant at)
    {
        Time.SetUtcNow(at.ToDateTimeOffset());
        return SweepAsync();
    }

    /// <summary>Runs the deadline sweep once, as the silo does every few seconds.</summary>
    public Task<int> SweepAsync() => _sweep.SweepAsync();

    /// <summary>Every event of type <typeparamref name="T"/> published so far on any silo (drains the queues of other events too).</summary>
    public List<T> Drain<T>()
    {
        var found = new List<T>();
        foreach (var events in _events)
        {
            while (events.Reader.TryRead(out var e))
            {
                if (e is T t) found.Add(t);
            }
        }
        return found;
    }

    public static string NewCaseId() => "C-T-" + Guid.NewGuid().ToString("N")[..12];

    private async Task StopAsync()
    {
        foreach (var events in _events) events.Dispose();
        _events.Clear();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        if (Store.IsPostgres) TestDatabases.Release(Store.AdoNetConnectionString);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
