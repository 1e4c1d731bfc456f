namespace Dispatch.Runtime.Storage;

/// <summary>Start-up of a store: checks it is reachable and creates or upgrades its schema.</summary>
public interface IStoreLifecycle
{
    /// <summary>A short name for messages, such as "SQLite /data/dispatch.db" or "PostgreSQL 127.0.0.1:5432/dispatch" (no password).</summary>
    string Description { get; }

    /// <summary>
    /// Opens a connection, creates the schema when absent and applies missing migrations. Throws
    /// <see cref="StorageUnavailableException"/> naming the store when it cannot be reached.
    /// </summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);
}
