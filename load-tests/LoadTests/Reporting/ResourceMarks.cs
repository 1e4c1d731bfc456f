namespace Dispatch.LoadTests.Reporting;

/// <summary>The silo's resident memory at the moments memory per open case is computed from.</summary>
public sealed record ResourceMarks(bool Sampled, string Note, long? RssBeforeSurge, long? RssAfterDrain, long? RssAfterIdle);
