using Dispatch.Silo.Storage;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Creates or upgrades the store's schema (<see cref="OrleansSchema"/>) when the host starts, before the Orleans silo:
/// a store that cannot be reached stops the start with <see cref="StorageUnavailableException"/>, which Program prints
/// as one line.
/// </summary>
public sealed class SchemaStarter(StoreOptions store, ILogger<SchemaStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await OrleansSchema.ApplyAsync(store, cancellationToken);
        logger.LogInformation("Schema version {Version} is in place on {Store}", OrleansSchema.Version, store.Description);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
