namespace Dispatch.LoadTests.Reporting;

/// <summary>
/// One target of issue 5 beside the measured figure. <see cref="Met"/> is null when the run did not measure it;
/// <see cref="MissPercent"/> is how far off a missed numeric target is, in per cent of the target.
/// </summary>
public sealed record TargetCheck(string Name, string Target, string Measured, bool? Met, double? MissPercent, string? Note);
