using Dispatch.Grains.Engine.Events;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;

namespace Dispatch.Silo.Live;

/// <summary>Live events across the silos of a cluster.</summary>
public static class SiloBuilderLiveStreamExtensions
{
    /// <summary>
    /// In-memory streams (<see cref="LiveStreams"/>) whose subscriptions are kept in the shared store (Orleans' "PubSubStore",
    /// ADO.NET, Orleans' binary format), so that they outlive the silo that held them; grains publish through
    /// <see cref="StreamEventPublisher"/>, and <see cref="LiveStreamBridge"/> feeds every silo's <see cref="EventBus"/>.
    /// </summary>
    public static ISiloBuilder AddDispatchLiveStreams(this ISiloBuilder silo, StoreOptions store)
    {
        silo.AddMemoryStreams(LiveStreams.Provider, streams =>
        {
            streams.ConfigurePartitioning(LiveStreams.Partitions);
            // Queues are read every 20 ms (Orleans' default is 100 ms): a summons should show within a blink. Up to 100
            // queued batches go to a silo in one delivery (Orleans' default is one per delivery, which fell minutes
            // behind under a surge on three silos: each delivery is a call to every silo).
            streams.ConfigurePullingAgent(agent => agent.Configure(o =>
            {
                o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20);
                o.BatchContainerBatchSize = 100;
            }));
        });
        silo.AddAdoNetGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = store.AdoNetInvariant;
            o.ConnectionString = store.AdoNetConnectionString;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        var services = silo.Services;
        services.AddSingleton<StreamEventPublisher>();
        services.RemoveAll<IEventPublisher>();
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<StreamEventPublisher>());
        services.AddHostedService(sp => sp.GetRequiredService<StreamEventPublisher>());
        services.AddSingleton<LiveStreamBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveStreamBridge>());
        return silo;
    }
}
