using Dispatch.Grains.ReadModels;
using Dispatch.Silo.Storage;

namespace Dispatch.Silo.ReadModels;

public static class ReadModelServiceCollectionExtensions
{
    /// <summary>
    /// The read models on <paramref name="store"/>: the projector the case grains write through, the queries the API,
    /// the dashboard and the report schedules read with, and the statistics on top of them.
    /// </summary>
    public static IServiceCollection AddDispatchReadModels(this IServiceCollection services, StoreOptions store)
    {
        services.AddSingleton<IReadModelWriter>(sp => new SqlReadModelWriter(store, store.IsPostgres ? 2 : 1,
            sp.GetRequiredService<ILogger<SqlReadModelWriter>>()));
        services.AddSingleton<IReadModelReader>(new SqlReadModelReader(store));
        services.AddSingleton<StatsQueries>();
        return services;
    }
}
