using Dispatch.Grains.Engine.Events;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans;
using Orleans.Runtime;

namespace Dispatch.Grains.Engine;

/// <summary>
/// The engine's grains are Orleans grains with a string key; this adds what every one of them uses: the key, the
/// engine's clock (NodaTime over the silo's <see cref="TimeProvider"/>, so a test moves one clock for both), live
/// events, and durable reminders set for an <see cref="Instant"/>.
/// </summary>
public abstract class EngineGrain : Grain
{
    /// <summary>The period of every reminder: how soon Orleans fires one again when its tick did not re-register it.</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IClock? _clock;
    private IEventPublisher? _events;

    /// <summary>This grain's string key.</summary>
    protected string GrainKey => this.GetPrimaryKeyString();

    /// <summary>The silo's clock.</summary>
    protected IClock Clock => _clock ??= ServiceProvider.GetRequiredService<IClock>();

    /// <summary>
    /// Publishes a live event to the subscribers (hub, SSE) of this silo, or of every silo in a cluster
    /// (<see cref="IEventPublisher"/>). Never blocks: a slow subscriber loses events, not time. Publish after the state
    /// the event reports is stored.
    /// </summary>
    protected void Publish(object domainEvent) => (_events ??= ServiceProvider.GetRequiredService<IEventPublisher>()).Publish(domainEvent);

    /// <summary>
    /// Registers or moves the durable reminder <paramref name="name"/> to fire at <paramref name="dueAt"/> (at once when
    /// that has passed), then every <see cref="ReminderPeriod"/> until it is moved or removed. Stored before this returns.
    /// </summary>
    protected Task RegisterOrUpdateReminderAsync(string name, Instant dueAt)
    {
        var due = dueAt - Clock.GetCurrentInstant();
        var dueTime = due <= Duration.Zero ? TimeSpan.Zero : due.ToTimeSpan();
        return this.RegisterOrUpdateReminder(name, dueTime, ReminderPeriod);
    }

    /// <summary>Removes the durable reminder <paramref name="name"/>; nothing happens when there is none.</summary>
    protected async Task UnregisterReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder) await this.UnregisterReminder(reminder);
    }
}
