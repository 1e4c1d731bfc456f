namespace Dispatch.Runtime;

/// <summary>
/// A grain's durable state, read before <see cref="Grain.OnActivateAsync"/>. Writes carry the ETag read last:
/// a concurrent writer makes <see cref="WriteStateAsync"/> throw <see cref="Storage.InconsistentStateException"/>.
/// </summary>
public interface IPersistentState<TState> where TState : class, new()
{
    /// <summary>The in-memory state; a fresh <typeparamref name="TState"/> when nothing is stored.</summary>
    TState State { get; set; }

    /// <summary>The ETag of the stored row, or null when none is stored.</summary>
    string? ETag { get; }

    /// <summary>True when a row is stored.</summary>
    bool RecordExists { get; }

    /// <summary>Replaces <see cref="State"/> with what is stored.</summary>
    Task ReadStateAsync();

    /// <summary>Stores <see cref="State"/>; completes only after the store has it.</summary>
    Task WriteStateAsync();

    /// <summary>Deletes the stored row and resets <see cref="State"/>.</summary>
    Task ClearStateAsync();
}
