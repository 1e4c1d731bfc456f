namespace Dispatch.Silo.Storage;

/// <summary>
/// The store could not be reached, opened or prepared: server unreachable, authentication refused, database
/// file that cannot be created. The message is one line and names the store, never its password.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Says why <paramref name="store"/> is unavailable.</summary>
    /// <param name="store">The store's description, such as "PostgreSQL 127.0.0.1:5432/dispatch".</param>
    /// <param name="reason">What went wrong, in a few words.</param>
    /// <param name="inner">The driver's exception, if any.</param>
    public StorageUnavailableException(string store, string reason, Exception? inner = null)
        : base($"Storage unavailable: {store}: {reason}", inner)
    {
        Store = store;
    }

    /// <summary>The store's description, as in <see cref="StoreOptions.Description"/>.</summary>
    public string Store { get; }
}
