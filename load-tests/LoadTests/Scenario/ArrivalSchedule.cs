namespace Dispatch.LoadTests.Scenario;

/// <summary>
/// The open-loop schedule: when each whistle is due, in seconds from the start, decided before the run so a slow
/// server cannot slow the arrivals down (no coordinated omission).
/// </summary>
public static class ArrivalSchedule
{
    /// <summary>
    /// <paramref name="count"/> ascending offsets in [0, <paramref name="seconds"/>). Uniform: i·T/N. Poisson: the
    /// order statistics of N uniform draws, which is a Poisson process conditioned on N arrivals in T.
    /// </summary>
    public static double[] OffsetsSeconds(int count, double seconds, ArrivalPattern pattern, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(seconds > 0)) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "The surge lasts a positive time.");
        var offsets = new double[count];
        for (var i = 0; i < count; i++)
        {
            offsets[i] = pattern == ArrivalPattern.Uniform ? i * seconds / count : random.NextDouble() * seconds;
        }
        if (pattern == ArrivalPattern.Poisson) Array.Sort(offsets);
        return offsets;
    }
}
