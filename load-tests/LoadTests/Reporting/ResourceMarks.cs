namespace Dispatch.LoadTests.Reporting;

/// <summary>
/// The silo's memory at the moments memory per open case is computed from: resident memory, and (with --idle-age) the
/// managed heap after a forced full collection before the surge and once idle cases were deactivated.
/// </summary>
public sealed record ResourceMarks(bool Sampled, string Note, long? RssBeforeSurge, long? RssAfterDrain, long? RssAfterIdle,
    long? HeapBeforeSurge = null, long? HeapAfterIdle = null, int? ActivationsAfterIdle = null);
