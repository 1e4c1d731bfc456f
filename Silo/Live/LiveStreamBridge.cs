using Dispatch.Grains.Engine.Events;
using Dispatch.Silo.Hosting;
using Orleans.Streams;

namespace Dispatch.Silo.Live;

/// <summary>
/// The per-silo end of the <see cref="LiveStreams"/>: once the host has started, subscribes to every partition and
/// publishes what arrives into this silo's <see cref="EventBus"/>, where the <see cref="LivePusher"/> (hub) and the SSE
/// streams pick it up as they always have. A subscription that cannot be made yet (the cluster or its store not
/// answering) is tried again until it is. The subscriptions end when the silo stops; a killed silo's are removed by
/// Orleans the first time an event cannot reach it.
/// </summary>
public sealed class LiveStreamBridge(IServiceProvider services, EventBus bus, IHostApplicationLifetime lifetime, ILogger<LiveStreamBridge> logger)
    : BackgroundService
{
    private readonly List<StreamSubscriptionHandle<object>> _subscriptions = [];
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every partition is subscribed.</summary>
    public Task Subscribed => _subscribed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await HostStarted.WaitAsync(lifetime, stoppingToken))
            return;
        var provider = services.GetRequiredKeyedService<IStreamProvider>(LiveStreams.Provider);
        var observer = new BusObserver(bus, logger);
        var pause = TimeSpan.FromMilliseconds(200);
        for (var partition = 0; partition < LiveStreams.Partitions; partition++)
        {
            var stream = provider.GetStream<object>(LiveStreams.Stream(partition));
            while (true)
            {
                try
                {
                    _subscriptions.Add(await stream.SubscribeAsync(observer));
                    break;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    logger.LogWarning("Cannot subscribe to live stream {Stream} yet ({Message}); trying again", stream.StreamId, error.Message);
                    await Task.Delay(pause, stoppingToken);
                    pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                }
            }
        }
        _subscribed.TrySetResult();
        logger.LogInformation("Live events of every silo reach this one ({Count} streams)", _subscriptions.Count);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var subscription in _subscriptions)
        {
            try
            {
                await subscription.UnsubscribeAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogDebug(error, "A live stream subscription was not ended; Orleans drops it when it cannot deliver");
            }
        }
        _subscriptions.Clear();
    }

    /// <summary>Hands every streamed event to the silo's bus (which never blocks).</summary>
    private sealed class BusObserver(EventBus bus, ILogger logger) : IAsyncObserver<object>
    {
        public Task OnNextAsync(object item, StreamSequenceToken? token = null)
        {
            bus.Publish(item);
            return Task.CompletedTask;
        }

        public Task OnCompletedAsync() => Task.CompletedTask;

        public Task OnErrorAsync(Exception ex)
        {
            logger.LogWarning(ex, "A live stream reported an error");
            return Task.CompletedTask;
        }
    }
}
