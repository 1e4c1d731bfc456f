using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Engine;
using Dispatch.Runtime;
using Dispatch.Runtime.Events;
using Dispatch.Runtime.Storage.AdoNet;
using Dispatch.Runtime.Testing;
using Dispatch.Grains.Interfaces.Cases;
using NodaTime;

namespace Dispatch.Grains.Tests.Engine;

/// <summary>A test silo hosting the engine on the small test city, with a manual clock and an event recorder.</summary>
public sealed class EngineSilo : IAsyncDisposable
{
    /// <summary>Monday 2026-11-23 09:00 in Asia/Shanghai: a working morning.</summary>
    public static readonly Instant MondayMorning = Instant.FromUtc(2026, 11, 23, 1, 0);

    public static readonly CityModel City = CityLoader.Load(Path.Combine(AppContext.BaseDirectory, "Data", "city-test.json"));

    public static readonly Actor Admin = new(Actor.Admin, null, "admin");

    private readonly StoreOptions _store;

    private EngineSilo(StoreOptions store, TestSilo silo, EventSubscription events)
    {
        _store = store;
        Silo = silo;
        Events = events;
    }

    public TestSilo Silo { get; private set; }
    public EventSubscription Events { get; private set; }
    public IGrainFactory Grains => Silo.GrainFactory;
    public Instant Now => Silo.Clock.GetCurrentInstant();

    public static Actor Commissioner(string township) => new(Actor.Commissioner, township, $"政法委员@{township}");
    public static Actor Department(string department) => new(Actor.Department, department, department);
    public static Actor DutyLeader(string county) => new(Actor.DutyLeader, county, $"值班领导@{county}");

    public static async Task<EngineSilo> StartAsync(StoreOptions? store = null, ManualClock? clock = null)
    {
        store ??= StoreOptions.Sqlite(TestDatabases.NewSqliteFile());
        var silo = await TestSilo.StartAsync(Options(store, clock ?? new ManualClock(MondayMorning)));
        return new EngineSilo(store, silo, silo.Runtime.Events.Subscribe());
    }

    private static TestSiloOptions Options(StoreOptions store, ManualClock clock) => new()
    {
        ConfigureServices = s => s.AddAdoNetStore(store).AddDispatchEngine(City),
        GrainAssemblies = [typeof(EngineContext).Assembly],
        Clock = clock,
        ConfigureSilo = o => o.SerializeMessages = true,
    };

    /// <summary>Stops the silo and starts a new one on the same store and clock.</summary>
    public async Task RestartAsync()
    {
        Events.Dispose();
        await Silo.StopAsync();
        Silo = await TestSilo.StartAsync(Options(_store, Silo.Clock));
        Events = Silo.Runtime.Events.Subscribe();
    }

    public Task AdvanceAsync(Duration by) => Silo.AdvanceAsync(by);

    /// <summary>Every event of type <typeparamref name="T"/> published so far (drains the queue of other events too).</summary>
    public List<T> Drain<T>()
    {
        var found = new List<T>();
        while (Events.Reader.TryRead(out var e))
        {
            if (e is T t) found.Add(t);
        }
        return found;
    }

    public static string NewCaseId() => "C-T-" + Guid.NewGuid().ToString("N")[..12];

    public async ValueTask DisposeAsync()
    {
        Events.Dispose();
        await Silo.DisposeAsync();
    }
}
