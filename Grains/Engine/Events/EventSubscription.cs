using System.Threading.Channels;

namespace Dispatch.Grains.Engine.Events;

/// <summary>One subscriber's queue of domain events.</summary>
public sealed class EventSubscription : IDisposable
{
    private readonly EventBus _bus;
    private readonly Channel<object> _channel;
    private readonly Func<object, bool>? _filter;
    private long _dropped;

    internal EventSubscription(EventBus bus, int capacity, Func<object, bool>? filter)
    {
        _bus = bus;
        _filter = filter;
        _channel = Channel.CreateBounded<object>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = false,
        });
    }

    public ChannelReader<object> Reader => _channel.Reader;

    /// <summary>Events this subscriber lost because its queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal void Offer(object domainEvent)
    {
        if (_filter is not null && !_filter(domainEvent)) return;
        if (!_channel.Writer.TryWrite(domainEvent))
        {
            Interlocked.Increment(ref _dropped);
            EngineTelemetry.EventsDropped.Add(1);
        }
    }

    public void Dispose()
    {
        _bus.Unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
