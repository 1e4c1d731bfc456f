namespace Dispatch.LoadTests.Reporting;

/// <summary>
/// The baselines measured in the same run, and the engine's figures as ratios to them. A null figure was not measured;
/// its note says why. <see cref="EngineRowWritesPerSecond"/> is the rows the silo wrote to PostgreSQL per second of the surge (from
/// pg_stat_database), the figure comparable with pgbench's TPS, one row upsert per transaction.
/// </summary>
public sealed record BaselineResults(
    double? PgbenchTps,
    string PgbenchNote,
    double? GrainCallsPerSecond,
    string GrainNote,
    double? WhistlesPerPgbenchTransaction,
    double? ApiRequestsPerGrainCall,
    double? EngineRowWritesPerSecond = null,
    double? EngineRowWritesPerWhistle = null)
{
    /// <summary>The engine's commit rate as a share of pgbench's.</summary>
    public double? EngineWritesShareOfPgbench => EngineRowWritesPerSecond is { } e && PgbenchTps is > 0 ? e / PgbenchTps : null;
}
