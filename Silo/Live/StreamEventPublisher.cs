using System.Threading.Channels;
using Dispatch.Grains.Engine.Events;
using Dispatch.Silo.Hosting;
using Orleans.Streams;

namespace Dispatch.Silo.Live;

/// <summary>
/// In a cluster, grains publish live events here instead of into the silo's own bus: each event is queued (never
/// blocking the grain; beyond <see cref="Capacity"/> waiting, new ones are dropped and counted) and a pump sends them in
/// batches to the <see cref="LiveStreams"/>, from which <see cref="LiveStreamBridge"/> on every silo (this one too)
/// feeds its <see cref="EventBus"/>. A batch that cannot be sent (its queue's silo is being declared dead) is tried again
/// for up to <see cref="SendPatience"/>, later events waiting behind it; live events are a courtesy, the truth is in the
/// store, so after that it is logged and given up.
/// </summary>
public sealed class StreamEventPublisher(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<StreamEventPublisher> logger)
    : BackgroundService, IEventPublisher
{
    /// <summary>Events that may wait to be sent before new ones are dropped.</summary>
    public const int Capacity = 100_000;

    /// <summary>How long a batch is tried again before it is given up: longer than a failover.</summary>
    public static readonly TimeSpan SendPatience = TimeSpan.FromSeconds(15);

    private const int BatchSize = 256;

    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true, SingleWriter = false,
    });
    private long _dropped;

    /// <summary>Events dropped because the queue was full or the stream did not take them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Publish(object domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!_queue.Writer.TryWrite(domainEvent))
            Interlocked.Increment(ref _dropped);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await HostStarted.WaitAsync(lifetime, stoppingToken))
            return;
        var provider = services.GetRequiredKeyedService<IStreamProvider>(LiveStreams.Provider);
        var streams = Enumerable.Range(0, LiveStreams.Partitions)
            .Select(p => provider.GetStream<object>(LiveStreams.Stream(p))).ToArray();
        var reader = _queue.Reader;
        var batch = new List<object>(BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && reader.TryRead(out var domainEvent))
                    batch.Add(domainEvent);
                foreach (var partition in batch.GroupBy(LiveStreams.PartitionOf))
                    await SendAsync(streams[partition.Key], partition.ToList(), stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task SendAsync(IAsyncStream<object> stream, List<object> events, CancellationToken stoppingToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await stream.OnNextBatchAsync(events);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException
                && TimeProvider.System.GetElapsedTime(started) + pause < SendPatience)
            {
                logger.LogDebug(error, "Live events did not reach stream {Stream} (try {Attempt}); trying again", stream.StreamId, attempt);
                await Task.Delay(pause, stoppingToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Interlocked.Add(ref _dropped, events.Count);
                logger.LogWarning("{Count} live events were given up: stream {Stream} did not take them ({Message})", events.Count, stream.StreamId, error.Message);
                return;
            }
        }
    }
}
