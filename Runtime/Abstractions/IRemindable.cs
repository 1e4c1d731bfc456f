namespace Dispatch.Runtime;

/// <summary>Implemented by grain classes that register durable reminders.</summary>
public interface IRemindable
{
    /// <summary>
    /// A reminder fell due. Runs as an ordinary turn. A one-shot reminder is removed after this returns without
    /// throwing; when it throws, delivery is retried with back-off (at least once, so receivers must be idempotent).
    /// </summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
