using Dispatch.Grains.Interfaces;
using Dispatch.Silo.Options;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Makes deadlines level-triggered. Orleans reminders skip occurrences that fell due while no silo ran them, so a
/// reminder alone would let a deadline slip past a restart by up to its period. Every case with a pending deadline
/// keeps one durable reminder row whose start time is that deadline (see CaseGrain), and a county's report schedule one
/// per cadence; a sweep finds the rows due by now and calls <see cref="IDeadlineGrain.CheckDeadlines"/> on each grain,
/// which acts on everything due and moves its rows on. Waking a grain twice is harmless.
/// </summary>
public sealed class DeadlineSweep(DueReminders due, IGrainFactory grains, TimeProvider time, string serviceId, DeadlineOptions options,
    ILogger logger)
{
    /// <summary>
    /// Wakes every grain with a reminder due by now and waits until each has acted; returns how many were woken. A
    /// grain that fails is logged and found again by the next sweep.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = await due.GrainIdsAsync(serviceId, null, now, options.SweepBatch, cancellationToken);
        if (ids.Count == 0) return 0;
        var failed = 0;
        await Parallel.ForEachAsync(ids.Distinct(StringComparer.Ordinal), new ParallelOptions
        {
            MaxDegreeOfParallelism = options.SweepParallelism,
            CancellationToken = cancellationToken,
        }, async (id, _) =>
        {
            try
            {
                await grains.GetGrain<IDeadlineGrain>(GrainId.Parse(id)).CheckDeadlines();
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
                logger.LogWarning(error, "{GrainId} did not act on its due deadlines; the next sweep retries", id);
            }
        });
        if (failed > 0) logger.LogWarning("Deadline sweep: {Failed} of {Count} grains with overdue reminders failed", failed, ids.Count);
        else logger.LogDebug("Deadline sweep woke {Count} grains", ids.Count);
        return ids.Count;
    }
}

/// <summary>Runs the <see cref="DeadlineSweep"/> as soon as the silo has started, then every <see cref="DeadlineOptions.SweepInterval"/>.</summary>
public sealed class DeadlineSweeper(
    DueReminders due,
    RecentStates recent,
    IGrainFactory grains,
    TimeProvider time,
    IOptions<ClusterOptions> cluster,
    IOptions<DeadlineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DeadlineSweeper> logger) : BackgroundService
{
    private readonly DeadlineSweep _sweep = new(due, grains, time, cluster.Value.ServiceId, options.Value, logger);

    /// <summary>
    /// Re-drives the outboxes of the cases written within <see cref="DeadlineOptions.RecoveryWindow"/> before this start
    /// (activating a case re-sends what it had not delivered): the durable reminder waits only for deadlines, so this is
    /// what brings read-model rows that a crash cut off into the tables at once rather than at the case's next deadline.
    /// </summary>
    public async Task<int> RecoverOutboxesAsync(CancellationToken cancellationToken = default)
    {
        var window = options.Value.RecoveryWindow;
        if (window <= TimeSpan.Zero) return 0;
        try
        {
            var keys = await recent.KeysAsync(cluster.Value.ServiceId, Grains.Cases.CaseGrain.StateName, DateTime.UtcNow - window,
                options.Value.SweepBatch * 10, cancellationToken);
            await Parallel.ForEachAsync(keys, new ParallelOptions
            {
                MaxDegreeOfParallelism = options.Value.SweepParallelism,
                CancellationToken = cancellationToken,
            }, async (key, _) =>
            {
                try
                {
                    await grains.GetGrain<ICaseGrain>(key).DeliverOutbox();
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    logger.LogWarning(error, "Case {Case} did not re-send its outbox at start; its timer and reminder retry", key);
                }
            });
            if (keys.Count > 0) logger.LogInformation("Re-drove the outboxes of {Count} cases written in the {Window} before the start", keys.Count, window);
            return keys.Count;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "The outbox recovery pass at start failed; cases re-send when next activated");
            return 0;
        }
    }

    /// <inheritdoc cref="DeadlineSweep.SweepAsync"/>
    public Task<int> SweepAsync(CancellationToken cancellationToken = default) => _sweep.SweepAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The grains answer once the whole host has started (Orleans first, then Kestrel).
        if (!await HostStarted.WaitAsync(lifetime, stoppingToken))
            return;
        await RecoverOutboxesAsync(stoppingToken);
        var interval = options.Value.SweepInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Deadline sweep failed; retrying");
            }
            if (interval <= TimeSpan.Zero) return;
            try
            {
                // Real time, whatever clock the grains run on: the sweep is a safety net, not a schedule.
                await Task.Delay(interval, TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
