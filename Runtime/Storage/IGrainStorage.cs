namespace Dispatch.Runtime.Storage;

/// <summary>
/// Durable grain state, keyed by (grain type, grain key). Implementations are safe for concurrent use.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads one row, or null when none is stored.</summary>
    Task<StoredState?> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the payload if the stored ETag equals <paramref name="expectedETag"/> (null: no row may exist yet).
    /// Returns the new ETag. Throws <see cref="InconsistentStateException"/> when the ETag does not match.
    /// </summary>
    Task<string> WriteAsync(string grainType, string grainKey, string payload, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Deletes the row if its ETag matches (null: succeeds when no row exists). Throws <see cref="InconsistentStateException"/> otherwise.</summary>
    Task ClearAsync(string grainType, string grainKey, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Every stored key of one grain type, for projections that must be rebuilt at start (ordered by key).</summary>
    IAsyncEnumerable<StoredState> ReadAllAsync(string grainType, CancellationToken cancellationToken = default);
}
