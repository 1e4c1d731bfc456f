using NodaTime;

namespace Dispatch.Silo.Notifications;

/// <summary>
/// When a failed delivery is tried again: after <c>first × 2^(attempts−1)</c>, at most <c>max</c>, with ±20 % jitter; none
/// (failed for good) once the next try would come later than <c>giveUpAfter</c> past the moment it was first due.
/// </summary>
public sealed class RetrySchedule(Duration first, Duration max, Duration giveUpAfter)
{
    /// <param name="attempts">Attempts made so far, this one included (1 after the first failure).</param>
    /// <param name="jitter">A number in [0, 1) (random in the silo).</param>
    /// <returns>The next try, or null: give up.</returns>
    public Instant? Next(Instant firstDue, Instant now, int attempts, double jitter)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var delay = Math.Min(first.TotalSeconds * Math.Pow(2, exponent), max.TotalSeconds) * (0.8 + 0.4 * jitter);
        var next = now + Duration.FromSeconds(delay);
        return next - firstDue > giveUpAfter ? null : next;
    }
}
