using Dispatch.Grains.Domain.Notifications;
using NodaTime;
using NodaTime.Extensions;

namespace Dispatch.Silo.Notifications;

/// <summary>
/// Delivers the notification table's due rows: every <see cref="NotificationOptions.PollInterval"/> (real time) and
/// right after this silo enqueued, it claims due rows with a lease, sends each through its channel — rows of one
/// target one after the other, so its rate limit holds — and marks it delivered, defers it (rate limit), schedules a
/// retry (<see cref="RetrySchedule"/>) or marks it failed. Times are the silo's <see cref="TimeProvider"/>.
/// </summary>
public sealed class NotificationDispatcher : BackgroundService
{
    /// <summary>The HttpClientFactory name of the webhook and SMS calls (with the configured timeout).</summary>
    public const string HttpClientName = "notifications";

    private readonly SqlNotificationStore _store;
    private readonly IReadOnlyDictionary<NotificationChannel, INotificationChannel> _channels;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _time;
    private readonly bool _single;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly RetrySchedule _retries;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _pass = new(1, 1);

    public NotificationDispatcher(SqlNotificationStore store, IEnumerable<INotificationChannel> channels, NotificationOptions options, TimeProvider time,
        bool singleSilo, ILogger<NotificationDispatcher> logger)
    {
        _store = store;
        _channels = channels.ToDictionary(c => c.Channel);
        _options = options;
        _time = time;
        _single = singleSilo;
        _logger = logger;
        _retries = new RetrySchedule(options.FirstRetry.ToDuration(), options.MaxRetryDelay.ToDuration(), options.GiveUpAfter.ToDuration());
        store.Enqueued += () => _wake.Release();
    }

    private Instant Now => _time.GetUtcNow().ToInstant();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_single)
        {
            // The only silo on this store: what it had claimed before a crash is due again now.
            try { await _store.ReleaseLeasesAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { _logger.LogWarning(e, "Could not release the notification leases"); }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "A notification pass failed; it is tried again");
            }
            try
            {
                await _wake.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: claims what is due now and delivers it; returns how many rows it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await _pass.WaitAsync(ct);
        try
        {
            var total = 0;
            while (true)
            {
                var now = Now;
                var claimed = await _store.ClaimAsync(now, now + _options.Lease.ToDuration(), _options.Batch, ct);
                if (claimed.Count == 0) return total;
                total += claimed.Count;
                await Task.WhenAll(claimed.GroupBy(d => d.Target).Select(g => DeliverInOrderAsync(g.ToList(), ct)));
                if (claimed.Count < _options.Batch) return total;
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task DeliverInOrderAsync(IReadOnlyList<NotificationDelivery> rows, CancellationToken ct)
    {
        foreach (var row in rows) await DeliverAsync(row, ct);
    }

    private async Task DeliverAsync(NotificationDelivery row, CancellationToken ct)
    {
        var now = Now;
        if (!_channels.TryGetValue(row.Channel, out var channel))
        {
            await _store.FailedAsync(row, now, null, $"No {row.Channel} channel is configured.", ct);
            return;
        }
        if (row.Channel != NotificationChannel.Webhook)
        {
            var sent = await _store.SentToAsync(row.Target, now - ContactRateLimit.SmsWindow, ct);
            var allowed = ContactRateLimit.NextAllowed(row.Channel, sent, now);
            if (allowed > now)
            {
                await _store.DeferAsync(row, allowed, ct);
                return;
            }
        }
        try
        {
            await channel.SendAsync(row, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var retryAt = _retries.Next(row.FirstDueAt, Now, row.Attempts + 1, Random.Shared.NextDouble());
            var error = NotificationDelivery.Describe(e);
            if (retryAt is null) _logger.LogWarning("Notification {Event} to {Target} failed for good after {Attempts} attempts: {Error}", row.EventId, row.Target, row.Attempts + 1, error);
            await _store.FailedAsync(row, Now, retryAt, error, ct);
            return;
        }
        await _store.DeliveredAsync(row, Now, ct);
    }
}
