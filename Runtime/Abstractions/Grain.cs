using Dispatch.Runtime.Core;
using Dispatch.Runtime.Storage;
using NodaTime;

namespace Dispatch.Runtime;

/// <summary>
/// Base class of grain implementations. The runtime sets the identity before <see cref="OnActivateAsync"/>;
/// persisted state (constructor parameters marked <see cref="PersistentStateAttribute"/>) is read before it too.
/// </summary>
public abstract class Grain
{
    private ActivationContext? _context;

    internal ActivationContext Context => _context ?? throw new InvalidOperationException(
        "This grain is not activated by the runtime: its identity and services are not set.");

    internal void Attach(ActivationContext context) => _context = context;

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Context.Id;

    /// <summary>This grain's string key.</summary>
    public string GrainKey => Context.Id.Key;

    /// <summary>References to other grains.</summary>
    protected IGrainFactory GrainFactory => Context.Runtime;

    /// <summary>The silo's clock; a manual clock in tests.</summary>
    protected IClock Clock => Context.Runtime.Clock;

    /// <summary>Runs after persisted state is read and before the first message.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs as the activation's last turn, when it is collected for idleness or the silo stops.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// An in-memory timer: <paramref name="callback"/> runs as a turn of this grain after <paramref name="dueTime"/>
    /// and then every <paramref name="period"/> (<see cref="Timeout.InfiniteTimeSpan"/>: once), until disposed or
    /// the activation ends. Timers do not survive deactivation; use reminders for deadlines.
    /// </summary>
    protected IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
        => Context.RegisterTimer(callback, dueTime, period);

    /// <summary>
    /// Registers or moves a durable reminder, stored before this returns. It fires at <paramref name="dueAt"/>
    /// (second precision) even after a restart, then every <paramref name="period"/> if given. The grain class must
    /// implement <see cref="IRemindable"/>.
    /// </summary>
    protected Task RegisterOrUpdateReminderAsync(string name, Instant dueAt, Duration? period = null)
        => Context.Runtime.Reminders.RegisterAsync(GrainId, name, dueAt, period);

    /// <summary>Removes a durable reminder; no error when it does not exist.</summary>
    protected Task UnregisterReminderAsync(string name) => Context.Runtime.Reminders.UnregisterAsync(GrainId, name);

    /// <summary>This grain's stored reminders.</summary>
    protected Task<IReadOnlyList<ReminderEntry>> GetRemindersAsync() => Context.Runtime.Reminders.GetAsync(GrainId);

    /// <summary>Asks the runtime to deactivate this grain after the current turn.</summary>
    protected void DeactivateOnIdle() => Context.RequestDeactivation();

    /// <summary>
    /// Publishes a domain event to the silo's subscribers. Never blocks: a slow subscriber loses events, not time.
    /// Publish after the state that the event reports has been written.
    /// </summary>
    protected void Publish(object domainEvent) => Context.Runtime.Events.Publish(domainEvent);
}
