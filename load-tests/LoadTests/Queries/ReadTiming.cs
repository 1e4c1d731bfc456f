using Dispatch.LoadTests.Reporting;

namespace Dispatch.LoadTests.Queries;

/// <summary>
/// One read timed at one size: p50, p99 and max in milliseconds over <paramref name="Samples"/> sequential requests,
/// how many rows it matched (the list's total, the inbox's length, …) and what to know about it.
/// </summary>
public sealed record ReadTiming(string Read, string Request, int Samples, double P50Ms, double P99Ms, double MaxMs, long? Matched, string? Note)
{
    /// <summary>p50/p99/max of <paramref name="milliseconds"/>.</summary>
    public static ReadTiming Of(string read, string request, IEnumerable<double> milliseconds, long? matched, string? note)
    {
        var sorted = milliseconds.Order().ToList();
        return new ReadTiming(read, request, sorted.Count, Percentiles.Of(sorted, 0.50), Percentiles.Of(sorted, 0.99),
            sorted.Count > 0 ? sorted[^1] : double.NaN, matched, note);
    }

    /// <summary>A read that could not be timed.</summary>
    public static ReadTiming Failed(string read, string request, string why) => new(read, request, 0, double.NaN, double.NaN, double.NaN, null, why);
}
