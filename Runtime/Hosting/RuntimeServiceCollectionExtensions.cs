using System.Reflection;
using Dispatch.Runtime.Core;
using Dispatch.Runtime.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Dispatch.Runtime.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime, hosting the grain classes found in <paramref name="grainAssemblies"/>. A store must
    /// be registered too (IGrainStorage, IReminderTable, IStoreLifecycle: see AddAdoNetStore). Uses
    /// <see cref="SystemClock"/> unless an <see cref="IClock"/> is registered.
    /// </summary>
    public static IServiceCollection AddDispatchRuntime(this IServiceCollection services, params Assembly[] grainAssemblies)
    {
        var holder = services.Select(d => d.ImplementationInstance).OfType<GrainAssemblies>().FirstOrDefault();
        if (holder is null)
        {
            holder = new GrainAssemblies();
            services.AddSingleton(holder);
        }
        holder.Assemblies.AddRange(grainAssemblies);

        services.AddOptions<SiloOptions>();
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IPlacementDirector, LocalPlacementDirector>();
        services.TryAddSingleton<EventBus>();
        services.TryAddSingleton(sp => new GrainTypeRegistry(sp.GetRequiredService<GrainAssemblies>().Assemblies));
        services.TryAddSingleton(sp => new GrainRuntime(
            sp.GetRequiredService<IOptions<SiloOptions>>(),
            sp.GetRequiredService<GrainTypeRegistry>(),
            sp,
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<Storage.IGrainStorage>(),
            sp.GetRequiredService<Storage.IReminderTable>(),
            sp.GetRequiredService<EventBus>(),
            sp.GetRequiredService<IPlacementDirector>(),
            sp.GetRequiredService<ILogger<GrainRuntime>>()));
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<SiloService>();
        services.AddHostedService(sp => sp.GetRequiredService<SiloService>());
        return services;
    }
}
