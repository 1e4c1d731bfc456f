using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Dispatch.Runtime.Storage.AdoNet;

/// <summary>Registers <see cref="AdoNetStore"/> with dependency injection.</summary>
public static class AdoNetStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="AdoNetStore"/> (a singleton owned and disposed by the container) as
    /// <see cref="IGrainStorage"/>, <see cref="IReminderTable"/> and <see cref="IStoreLifecycle"/>. It stamps rows
    /// with the registered <see cref="IClock"/> when there is one. The host must still call
    /// <see cref="IStoreLifecycle.InitializeAsync"/> at start.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown provider or empty connection string.</exception>
    public static IServiceCollection AddAdoNetStore(this IServiceCollection services, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        services.AddSingleton(sp => AdoNetStore.Create(options, sp.GetService<IClock>()));
        services.AddSingleton<IGrainStorage>(sp => sp.GetRequiredService<AdoNetStore>());
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<AdoNetStore>());
        services.AddSingleton<IStoreLifecycle>(sp => sp.GetRequiredService<AdoNetStore>());
        return services;
    }
}
