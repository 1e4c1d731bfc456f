using Dispatch.Silo.Errors;
using Dispatch.Silo.Options;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Application;

/// <summary>
/// The one retry policy for engine calls made on behalf of a request: a call that fails for the moment
/// (<see cref="TransientFailures"/>: a silo being declared dead, a message rejected, the store away) is tried again after
/// a pause that doubles from <see cref="RetryOptions.FirstDelay"/> to <see cref="RetryOptions.MaxDelay"/> (with jitter),
/// within the request's budget (<see cref="RetryOptions.RequestBudget"/>, counted from the request's first engine call
/// and shared by every call it makes); a call still running when the budget ends is given up. Then the last failure is
/// thrown, and the API answers it 503 with Retry-After. Commands are idempotent, so trying one again is harmless.
/// </summary>
public sealed class EngineRetry(IOptions<RetryOptions> options, IHttpContextAccessor http)
{
    private static readonly object DeadlineKey = new();

    /// <summary>Real time, whatever clock the engine runs on (a test's fake clock must not stop a retry).</summary>
    private static readonly TimeProvider Time = TimeProvider.System;

    /// <summary>Runs <paramref name="call"/>, trying it again on transient failures while the request's budget lasts.</summary>
    /// <exception cref="TimeoutException">The budget ended before a try succeeded or while one was still running.</exception>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var deadline = Deadline(settings.RequestBudget);
        var delay = settings.FirstDelay;
        var aborted = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, aborted);
        while (true)
        {
            var remaining = Until(deadline);
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException("The request's time budget for engine calls ran out.");
            try
            {
                return await call().WaitAsync(remaining, Time, linked.Token);
            }
            catch (Exception error) when (Retryable(error) && !linked.IsCancellationRequested)
            {
                var pause = Jitter(delay);
                if (pause >= Until(deadline))
                    throw;
                await Task.Delay(pause, Time, linked.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxDelay.Ticks));
            }
        }
    }

    /// <summary>Transient, and not our own "try again later" (no free case id), which an immediate retry cannot help.</summary>
    private static bool Retryable(Exception error) => TransientFailures.Is(error) && error is not OperationUnavailableException;

    /// <summary>The request's deadline as a timestamp, set by its first engine call; a call outside a request gets a budget of its own.</summary>
    private long Deadline(TimeSpan budget)
    {
        var ticks = (long)(budget.TotalSeconds * Time.TimestampFrequency);
        if (http.HttpContext is not { } context)
            return Time.GetTimestamp() + ticks;
        if (context.Items.TryGetValue(DeadlineKey, out var stored) && stored is long deadline)
            return deadline;
        deadline = Time.GetTimestamp() + ticks;
        context.Items[DeadlineKey] = deadline;
        return deadline;
    }

    private static TimeSpan Until(long deadline) =>
        TimeSpan.FromSeconds((deadline - Time.GetTimestamp()) / (double)Time.TimestampFrequency);

    private static TimeSpan Jitter(TimeSpan delay) => delay * (0.8 + Random.Shared.NextDouble() * 0.4);
}
