namespace Dispatch.Grains.Domain.Notifications;

/// <summary>
/// The durable notification queue a case hands its intents to. Completes only once they are stored (idempotently by
/// event id: a re-sent intent is stored once, a cancellation stays in force for intents that arrive after it); throws
/// when they are not, and the case re-sends them.
/// </summary>
public interface INotificationQueue
{
    Task EnqueueAsync(IReadOnlyList<NotificationIntent> intents, CancellationToken cancellationToken = default);
}
