namespace Dispatch.LoadTests.Reporting;

/// <summary>Percentiles of sorted samples by the nearest-rank method.</summary>
public static class Percentiles
{
    /// <summary>
    /// The value at quantile <paramref name="q"/> (0..1) of <paramref name="sorted"/> (ascending): the smallest sample
    /// with at least q·n samples at or below it. NaN for no samples.
    /// </summary>
    public static double Of(IReadOnlyList<double> sorted, double q)
    {
        if (q is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile is between 0 and 1.");
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
