using Dispatch.Grains.Domain.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Grains.Cases;

/// <summary>
/// Notifications: decided in the same write as the change (<see cref="NotificationPlanner"/> compares the case with
/// what it already announced), kept in the outbox ("n|") and handed to the notification queue, which stores them
/// durably and delivers them. Without a queue registered (engine tests) nothing is decided.
/// </summary>
public sealed partial class CaseGrain
{
    private const string NotificationMarker = "n";

    private INotificationQueue? Notifications => _notifications ??= ServiceProvider.GetService<INotificationQueue>();
    private INotificationQueue? _notifications;

    /// <summary>Before a write: adds the intents this change causes to the outbox.</summary>
    private void PlanNotifications()
    {
        if (Notifications is null) return;
        Case.NotificationCursor ??= Case.Version <= 1 ? new NotificationCursor() : NotificationPlanner.CursorOf(Case);
        var intents = NotificationPlanner.Plan(Case, Case.NotificationCursor, engine.City);
        if (intents.Count == 0) return;
        Case.Notifications.AddRange(intents);
        Mark(NotificationMarker + "|");
    }

    /// <summary>Stores the pending intents in the queue; those stored leave the outbox at the next write.</summary>
    private async Task EnqueueNotificationsAsync()
    {
        var pending = Case.Notifications.ToList();
        if (pending.Count == 0 || Notifications is not { } queue) return;
        await queue.EnqueueAsync(pending);
        Case.Notifications.RemoveAll(i => pending.Any(p => ReferenceEquals(p, i)));
    }
}
