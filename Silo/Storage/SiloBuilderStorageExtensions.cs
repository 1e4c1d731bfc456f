using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Dispatch.Silo.Storage;

/// <summary>Puts Orleans' grain state and reminders in Dispatch's database.</summary>
public static partial class SiloBuilderStorageExtensions
{
    /// <summary>
    /// Registers Orleans' ADO.NET grain storage as the default storage and the ADO.NET reminder table, both on
    /// <paramref name="store"/>, and applies <see cref="OrleansSchema"/> at the very first silo lifecycle stage,
    /// before those providers read their queries from the database.
    /// </summary>
    /// <remarks>
    /// Clustering and the grain storage serializer are left to the caller (for SQLite, localhost clustering).
    /// </remarks>
    /// <param name="silo">The silo being built.</param>
    /// <param name="store">The database; validated here.</param>
    /// <param name="applySchema">
    /// Apply the schema in the silo's lifecycle (default); false when the host applies it itself before Orleans starts.
    /// </param>
    /// <returns><paramref name="silo"/>, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="store"/> is invalid.</exception>
    public static ISiloBuilder AddDispatchStorage(this ISiloBuilder silo, StoreOptions store, bool applySchema = true)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(store);
        store.Validate();
        var invariant = store.AdoNetInvariant;
        var connectionString = store.AdoNetConnectionString;

        silo.AddAdoNetGrainStorageAsDefault(options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
        });
        if (applySchema)
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                new SchemaInstaller(store, services.GetRequiredService<ILogger<SchemaInstaller>>()));
        }
        return silo;
    }

    /// <summary>Runs <see cref="OrleansSchema.ApplyAsync"/> when the silo starts.</summary>
    private sealed partial class SchemaInstaller(StoreOptions store, ILogger<SchemaInstaller> logger) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(OrleansSchema), ServiceLifecycleStage.First, ApplyAsync);

        private async Task ApplyAsync(CancellationToken ct)
        {
            await OrleansSchema.ApplyAsync(store, ct);
            LogApplied(store.Description, OrleansSchema.Version);
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Orleans schema version {Version} is in place on {Store}.")]
        private partial void LogApplied(string store, int version);
    }
}
