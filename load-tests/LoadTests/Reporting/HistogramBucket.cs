namespace Dispatch.LoadTests.Reporting;

/// <summary>Samples above the previous bucket's bound and at most <see cref="UpToMs"/> (the last bucket: everything above).</summary>
public sealed record HistogramBucket(string Label, double UpToMs, int Count);
