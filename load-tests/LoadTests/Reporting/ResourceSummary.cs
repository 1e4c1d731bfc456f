using Dispatch.LoadTests.Observations;

namespace Dispatch.LoadTests.Reporting;

/// <summary>
/// Silo (and load tester) CPU and resident memory over time, and memory per open case: the silo's resident memory
/// after the drain minus before the surge, divided by the cases the surge left open; "idle" is the same after the
/// silo deactivated idle activations (only measured with --idle-age): the managed heap after forced full collections
/// (after minus before, over the open cases) when the silo answered, else resident memory.
/// </summary>
public sealed record ResourceSummary(
    bool Sampled,
    string Note,
    IReadOnlyList<ResourceSample> Samples,
    double SiloMeanCpuPercent,
    double SiloPeakCpuPercent,
    double? LoadTesterMeanCpuPercent,
    double? PostgresMeanCpuPercent,
    long SiloPeakRssBytes,
    long? RssBeforeSurgeBytes,
    long? RssAfterDrainBytes,
    long? RssAfterIdleBytes,
    int OpenCases,
    double? MemoryPerOpenCaseBytes,
    double? MemoryPerIdleOpenCaseBytes)
{
    /// <summary>The silo's managed heap after a full collection before the surge (with --idle-age).</summary>
    public long? HeapBeforeSurgeBytes { get; init; }

    /// <summary>The silo's managed heap after a full collection once idle activations were collected (with --idle-age).</summary>
    public long? HeapAfterIdleBytes { get; init; }

    /// <summary>Grain activations left once idle ones were collected (with --idle-age).</summary>
    public int? ActivationsAfterIdle { get; init; }
}
