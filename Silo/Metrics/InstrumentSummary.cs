namespace Dispatch.Silo.Metrics;

/// <summary>A histogram's recent measurements: how many since start, and percentiles over the last ones kept.</summary>
public sealed record InstrumentSummary(long Count, double? P50, double? P99, double? Max);
