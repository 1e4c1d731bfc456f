namespace Dispatch.Silo.Hosting;

/// <summary>Waits for the host to have started (Orleans first, then Kestrel), so that grains and streams answer.</summary>
public static class HostStarted
{
    /// <summary>True once the host has started; false when <paramref name="stoppingToken"/> fires first.</summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
