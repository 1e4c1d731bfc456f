namespace Dispatch.Runtime.Storage;

/// <summary>Durable reminder rows. Implementations are safe for concurrent use.</summary>
public interface IReminderTable
{
    /// <summary>All reminders, for the reminder service to load at start.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the reminder (ETag of the argument ignored); returns the stored entry with its new ETag.</summary>
    Task<ReminderEntry> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the reminder when its ETag matches (null: whatever it is). Returns false when nothing was removed.</summary>
    Task<bool> DeleteAsync(string grainType, string grainKey, string name, string? expectedETag, CancellationToken cancellationToken = default);
}
