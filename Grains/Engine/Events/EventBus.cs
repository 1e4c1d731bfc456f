using System.Threading.Channels;

namespace Dispatch.Grains.Engine.Events;

/// <summary>
/// Fans domain events out to subscribers. Publishing never blocks: each subscriber has its own bounded queue and
/// an overflowing subscriber loses the newest events (counted in <see cref="EventSubscription.Dropped"/>).
/// </summary>
public sealed class EventBus : IEventPublisher
{
    private EventSubscription[] _subscribers = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// Subscribes to every event published from now on. Read <see cref="EventSubscription.Reader"/>; dispose to
    /// stop. <paramref name="capacity"/> is how many unread events may wait before new ones are dropped.
    /// </summary>
    public EventSubscription Subscribe(int capacity = 100_000, Func<object, bool>? filter = null)
    {
        var subscription = new EventSubscription(this, capacity, filter);
        lock (_gate) _subscribers = [.. _subscribers, subscription];
        return subscription;
    }

    internal void Unsubscribe(EventSubscription subscription)
    {
        lock (_gate) _subscribers = _subscribers.Where(s => !ReferenceEquals(s, subscription)).ToArray();
    }

    /// <summary>Offers the event to every subscriber; returns at once.</summary>
    public void Publish(object domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        foreach (var s in Volatile.Read(ref _subscribers)) s.Offer(domainEvent);
        EngineTelemetry.EventsPublished.Add(1);
    }
}
