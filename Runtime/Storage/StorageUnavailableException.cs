namespace Dispatch.Runtime.Storage;

/// <summary>The store could not be reached or initialised; the message names the store.</summary>
public sealed class StorageUnavailableException(string store, Exception inner)
    : Exception($"Storage unavailable: {store}: {inner.Message}", inner)
{
    public string Store { get; } = store;
}
