using System.Collections.Concurrent;
using Dispatch.Runtime.Core;
using Dispatch.Runtime.Hosting;
using Dispatch.Runtime.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Dispatch.Runtime.Reminders;

/// <summary>
/// Durable reminders: rows in the reminder table, indexed in memory, delivered as grain turns when due by the
/// silo clock. Reminders that fell due while the silo was down fire promptly at start. Delivery is at least once:
/// a one-shot reminder's row is deleted only after the grain handled it.
/// </summary>
public sealed class ReminderService
{
    private readonly GrainRuntime _runtime;
    private readonly IReminderTable _table;
    private readonly IClock _clock;
    private readonly SiloOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(GrainId Grain, string Name), Scheduled> _entries = new();
    private readonly PriorityQueue<Scheduled, Instant> _queue = new();
    private readonly Lock _queueGate = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly SemaphoreSlim _tickGate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    internal ReminderService(GrainRuntime runtime, IReminderTable table, IClock clock, SiloOptions options, ILogger logger)
    {
        _runtime = runtime;
        _table = table;
        _clock = clock;
        _options = options;
        _logger = logger;
    }

    /// <summary>How many reminders are scheduled.</summary>
    public int Count => _entries.Count;

    /// <summary>One scheduled reminder; <see cref="NextAttempt"/> moves on failed delivery without touching the row.</summary>
    private sealed record Scheduled(ReminderEntry Entry, Instant NextAttempt, int Failures);

    internal async Task StartAsync(bool runLoop)
    {
        foreach (var entry in await _table.ReadAllAsync())
        {
            Schedule(new Scheduled(entry, entry.DueAt, 0));
        }
        _logger.LogInformation("Loaded {Count} reminders", _entries.Count);
        if (runLoop)
        {
            _stopping = new CancellationTokenSource();
            using (ExecutionContext.SuppressFlow()) _loop = Task.Run(() => LoopAsync(_stopping.Token));
        }
    }

    internal async Task StopAsync()
    {
        if (_stopping is null) return;
        await _stopping.CancelAsync();
        _wake.Release();
        try { await _loop!; } catch (OperationCanceledException) { }
        await Task.WhenAll(_inFlight.Keys).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    internal async Task RegisterAsync(GrainId grain, string name, Instant dueAt, Duration? period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (period is { } p && p < Duration.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(period), "A reminder period must be at least one second.");
        }
        var stored = await _table.UpsertAsync(new ReminderEntry(grain.Type, grain.Key, name, dueAt, period, ""));
        Schedule(new Scheduled(stored, stored.DueAt, 0));
        _wake.Release();
    }

    internal async Task UnregisterAsync(GrainId grain, string name)
    {
        await _table.DeleteAsync(grain.Type, grain.Key, name, null);
        _entries.TryRemove((grain, name), out _);
    }

    internal Task<IReadOnlyList<ReminderEntry>> GetAsync(GrainId grain) => _table.ReadAsync(grain.Type, grain.Key);

    private void Schedule(Scheduled s)
    {
        var key = (new GrainId(s.Entry.GrainType, s.Entry.GrainKey), s.Entry.Name);
        _entries[key] = s;
        lock (_queueGate) _queue.Enqueue(s, s.NextAttempt);
    }

    /// <summary>
    /// Starts delivery of every reminder due by the clock now, then waits until all deliveries in flight (these and
    /// earlier ones) have finished. Tests call it after advancing a manual clock.
    /// </summary>
    public async Task FireDueAsync()
    {
        await TickAsync();
        while (!_inFlight.IsEmpty)
        {
            await Task.WhenAll(_inFlight.Keys).ContinueWith(_ => { }, TaskScheduler.Default);
            await TickAsync();
        }
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await TickAsync();
            }
            catch (Exception error)
            {
                _logger.LogError(error, "Reminder tick failed");
            }
            var wait = _options.ReminderPollInterval;
            lock (_queueGate)
            {
                if (_queue.TryPeek(out _, out var next))
                {
                    var until = (next - _clock.GetCurrentInstant()).ToTimeSpan();
                    if (until < wait) wait = until < TimeSpan.Zero ? TimeSpan.Zero : until;
                }
            }
            try
            {
                await _wake.WaitAsync(wait, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task TickAsync()
    {
        await _tickGate.WaitAsync();
        try
        {
            var now = _clock.GetCurrentInstant();
            while (true)
            {
                Scheduled s;
                lock (_queueGate)
                {
                    if (!_queue.TryPeek(out s!, out var at) || at > now) break;
                    _queue.Dequeue();
                }
                var key = (new GrainId(s.Entry.GrainType, s.Entry.GrainKey), s.Entry.Name);
                // Skip stale queue items: the reminder was moved, removed, or is already being delivered.
                if (!_entries.TryGetValue(key, out var current) || !ReferenceEquals(current, s)) continue;
                var delivery = DeliverAsync(key.Item1, s, now);
                _inFlight.TryAdd(delivery, 0);
                _ = delivery.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
            }
        }
        finally
        {
            _tickGate.Release();
        }
    }

    private async Task DeliverAsync(GrainId grain, Scheduled s, Instant now)
    {
        var entry = s.Entry;
        var status = new TickStatus(entry.DueAt, now, entry.Period);
        try
        {
            await _runtime.DeliverReminderAsync(grain, entry.Name, status);
            RuntimeTelemetry.ReminderLateness.Record((now - entry.DueAt).TotalMilliseconds);
            RuntimeTelemetry.RemindersFired.Add(1);
            await CompleteAsync(grain, s, now);
        }
        catch (Exception error)
        {
            var failures = s.Failures + 1;
            var backoff = Duration.FromSeconds(Math.Min(60, 1 << Math.Min(failures, 6)));
            _logger.LogWarning(error, "Reminder {Name} of {Grain} failed ({Failures} times); retrying in {Backoff}",
                entry.Name, grain, failures, backoff);
            var retry = s with { NextAttempt = _clock.GetCurrentInstant() + backoff, Failures = failures };
            if (_entries.TryUpdate((grain, entry.Name), retry, s))
            {
                lock (_queueGate) _queue.Enqueue(retry, retry.NextAttempt);
            }
        }
    }

    private async Task CompleteAsync(GrainId grain, Scheduled s, Instant now)
    {
        var entry = s.Entry;
        var key = (grain, entry.Name);
        if (entry.Period is not { } period)
        {
            // The grain may have re-registered the reminder while handling it: then the entry is newer; keep it.
            if (_entries.TryGetValue(key, out var current) && ReferenceEquals(current, s))
            {
                await _table.DeleteAsync(entry.GrainType, entry.GrainKey, entry.Name, entry.ETag);
                _entries.TryRemove(new(key, s));
            }
            return;
        }
        var next = entry.DueAt + period;
        if (next <= now)
        {
            var missed = (long)Math.Ceiling((now - entry.DueAt).TotalTicks / period.TotalTicks);
            next = entry.DueAt + period * missed;
            if (next <= now) next += period;
        }
        if (_entries.TryGetValue(key, out var latest) && ReferenceEquals(latest, s))
        {
            var stored = await _table.UpsertAsync(entry with { DueAt = next });
            var moved = new Scheduled(stored, next, 0);
            if (_entries.TryUpdate(key, moved, s))
            {
                lock (_queueGate) _queue.Enqueue(moved, next);
            }
        }
    }
}
