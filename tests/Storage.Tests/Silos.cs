using System.Net;
using System.Net.Sockets;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Storage;

namespace Dispatch.Storage.Tests;

/// <summary>Builds and starts in-process silos the way Dispatch will: Dispatch storage, System.Text.Json state.</summary>
public static class Silos
{
    public const string ServiceId = "dispatch-storage-tests";

    /// <summary>Name of a second ADO.NET grain storage, configured to delete rows on clear.</summary>
    public const string DeletingStorage = "deleting";

    /// <summary>How long a test waits for something asynchronous at most (a reminder tick, a silo joining).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A silo with localhost clustering (its own cluster id, free ports) on <paramref name="store"/>, started.
    /// </summary>
    public static Task<IHost> StartLocalAsync(StoreOptions store, Action<ISiloBuilder>? configure = null) =>
        StartAsync(store, silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: ServiceId, clusterId: "local-" + Guid.NewGuid().ToString("N")[..8]);
            configure?.Invoke(silo);
        });

    /// <summary>A silo joining cluster <paramref name="clusterId"/> through ADO.NET clustering on PostgreSQL, started.</summary>
    public static Task<IHost> StartClusteredAsync(StoreOptions store, string clusterId) =>
        StartAsync(store, silo =>
        {
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = store.AdoNetInvariant;
                options.ConnectionString = store.AdoNetConnectionString;
            });
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = ServiceId;
            });
            silo.Configure<EndpointOptions>(options =>
            {
                options.AdvertisedIPAddress = IPAddress.Loopback;
                options.SiloPort = FreePort();
                options.GatewayPort = FreePort();
            });
        });

    /// <summary>Builds a silo host; <paramref name="clustering"/> must configure clustering.</summary>
    public static IHost Build(StoreOptions store, Action<ISiloBuilder> clustering)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("STORAGE_TESTS_LOG") is { Length: > 0 })
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Information);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.UseOrleans(silo =>
        {
            clustering(silo);
            silo.AddDispatchStorage(store);
            silo.AddAdoNetGrainStorage(DeletingStorage, options =>
            {
                options.Invariant = store.AdoNetInvariant;
                options.ConnectionString = store.AdoNetConnectionString;
                options.DeleteStateOnClear = true;
            });
            silo.UseSystemTextJsonGrainStorageSerializer();
        });
        return builder.Build();
    }

    /// <summary>The default grain storage of a running silo (Orleans' ADO.NET provider).</summary>
    public static IGrainStorage DefaultStorage(this IHost host) =>
        host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    public static IGrainFactory Grains(this IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Stops and disposes a silo host.</summary>
    public static async Task StopAsync(IHost host)
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            if (host is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync();
            else
                host.Dispose();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<IHost> StartAsync(StoreOptions store, Action<ISiloBuilder> clustering)
    {
        var host = Build(store, clustering);
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            await host.StartAsync(timeout.Token);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
