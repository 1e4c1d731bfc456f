using Dispatch.LoadTests.Observations;

namespace Dispatch.LoadTests.Reporting;

/// <summary>
/// Silo (and load tester) CPU and resident memory over time, and memory per open case: the silo's resident memory
/// after the drain minus before the surge, divided by the cases the surge left open; "idle" is the same after the
/// silo deactivated idle activations (only measured with --idle-age).
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
    double? MemoryPerIdleOpenCaseBytes);
