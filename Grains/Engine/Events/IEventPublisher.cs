namespace Dispatch.Grains.Engine.Events;

/// <summary>
/// Where grains publish live events. A single silo publishes straight to its <see cref="EventBus"/>; a silo of a
/// cluster forwards them so that every silo's bus receives them. Publishing never blocks.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Hands the event on; returns at once.</summary>
    void Publish(object domainEvent);
}
