namespace Dispatch.LoadTests.Reporting;

/// <summary>
/// The baselines measured in the same run, and the engine's figures as ratios to them. A null figure was not measured;
/// its note says why.
/// </summary>
public sealed record BaselineResults(
    double? PgbenchTps,
    string PgbenchNote,
    double? GrainCallsPerSecond,
    string GrainNote,
    double? WhistlesPerPgbenchTransaction,
    double? ApiRequestsPerGrainCall);
