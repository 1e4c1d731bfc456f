namespace Dispatch.LoadTests.Reporting;

/// <summary>Count, nearest-rank percentiles, max and mean of a series in milliseconds (NaN-free: 0 for no samples).</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>The summary of <paramref name="sorted"/> (ascending).</summary>
    public static LatencySummary Of(IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return Empty;
        return new LatencySummary(sorted.Count, Percentiles.Of(sorted, 0.50), Percentiles.Of(sorted, 0.95),
            Percentiles.Of(sorted, 0.99), sorted[^1], sorted.Average());
    }
}
