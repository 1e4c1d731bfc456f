using Dispatch.Runtime.Core;
using Dispatch.Runtime.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Runtime.Hosting;

/// <summary>
/// Starts the silo: initialises the store (a clear error naming the store when it is unreachable), loads
/// reminders (those that fell due while down fire promptly), and collects idle activations; stops it gracefully.
/// </summary>
public sealed class SiloService(GrainRuntime runtime, IStoreLifecycle store, IOptions<SiloOptions> options, ILogger<SiloService> logger)
    : IHostedService
{
    private CancellationTokenSource? _stopping;
    private Task? _collector;

    /// <summary>True between a successful start and the beginning of stop.</summary>
    public bool IsReady { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Opening store {Store}", store.Description);
        await store.InitializeAsync(cancellationToken);
        await runtime.Reminders.StartAsync(options.Value.RunReminderLoop);
        var interval = options.Value.CollectionInterval;
        if (interval > TimeSpan.Zero)
        {
            _stopping = new CancellationTokenSource();
            using (ExecutionContext.SuppressFlow()) _collector = Task.Run(() => CollectAsync(interval, _stopping.Token));
        }
        IsReady = true;
        logger.LogInformation("Silo ready on {Store}", store.Description);
    }

    private async Task CollectAsync(TimeSpan interval, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                var collected = await runtime.CollectIdleActivationsAsync();
                if (collected > 0) logger.LogDebug("Deactivated {Count} idle activations", collected);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IsReady = false;
        if (_stopping is not null)
        {
            await _stopping.CancelAsync();
            await _collector!;
        }
        await runtime.Reminders.StopAsync();
        try
        {
            await runtime.DeactivateAllAsync();
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Some activations did not deactivate within the call timeout");
        }
    }
}
