using Microsoft.Extensions.Logging;

namespace Dispatch.Dashboard.Live;

/// <summary>
/// The live batches of the silo fanned out to the dashboard's interactive pages. The host's pusher, which holds the
/// silo's one event-bus subscription, hands it every batch (<see cref="Publish"/>); each page watches the scopes it shows
/// (<see cref="Watch"/>) and is called with the part of a batch that concerns them. A watcher's handler runs on its own
/// (a page marshals onto its circuit with InvokeAsync) so a slow or failing page delays neither the pusher nor the other
/// pages. Thread-safe.
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger)
{
    private readonly Lock _gate = new();
    private Watcher[] _watchers = [];

    /// <summary>How many watchers there are now.</summary>
    public int Count => Volatile.Read(ref _watchers).Length;

    /// <summary>
    /// Calls <paramref name="onBatch"/> with every later batch's events that concern one of <paramref name="scopes"/>
    /// (centers, departments, cases), until the returned subscription is disposed.
    /// </summary>
    public IDisposable Watch(IReadOnlyCollection<string> scopes, Func<LiveBatch, Task> onBatch)
    {
        var watcher = new Watcher(this, [.. scopes], onBatch);
        lock (_gate)
            _watchers = [.. _watchers, watcher];
        return watcher;
    }

    /// <summary>Hands each watcher its part of <paramref name="batch"/>; returns at once.</summary>
    public void Publish(LiveBatch batch)
    {
        if (batch.IsEmpty)
            return;
        foreach (var watcher in Volatile.Read(ref _watchers))
        {
            var part = batch.Concerning(watcher.Scopes);
            if (!part.IsEmpty)
                _ = DeliverAsync(watcher, part);
        }
    }

    private async Task DeliverAsync(Watcher watcher, LiveBatch part)
    {
        try
        {
            await Task.Yield();
            await watcher.OnBatch(part);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "A dashboard page failed to take a live batch for {Scopes}", string.Join(' ', watcher.Scopes));
        }
    }

    private void Remove(Watcher watcher)
    {
        lock (_gate)
            _watchers = _watchers.Where(w => !ReferenceEquals(w, watcher)).ToArray();
    }

    private sealed class Watcher(LiveFeed feed, HashSet<string> scopes, Func<LiveBatch, Task> onBatch) : IDisposable
    {
        public IReadOnlySet<string> Scopes { get; } = scopes;

        public Func<LiveBatch, Task> OnBatch { get; } = onBatch;

        public void Dispose() => feed.Remove(this);
    }
}
