using Dispatch.Runtime.Hosting;
using Dispatch.Runtime.Storage.AdoNet;
using Dispatch.Runtime.Testing;
using Dispatch.Runtime.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Runtime.Tests;

/// <summary>Starts test silos hosting the test grains on a given store.</summary>
public static class RuntimeSilo
{
    public static TestSiloOptions Options(StoreOptions store, Action<SiloOptions>? configure = null, ManualClock? clock = null) => new()
    {
        ConfigureServices = services =>
        {
            services.AddAdoNetStore(store);
            services.AddSingleton<ActivationFaults>();
            services.AddSingleton<TimerSignals>();
        },
        GrainAssemblies = [typeof(CounterGrain).Assembly],
        ConfigureSilo = configure,
        Clock = clock ?? new ManualClock(NodaTime.Instant.FromUtc(2026, 11, 23, 1, 0)),
    };

    public static Task<TestSilo> StartAsync(StoreOptions store, Action<SiloOptions>? configure = null)
        => TestSilo.StartAsync(Options(store, configure));

    public static string Key() => Guid.NewGuid().ToString("N");
}
