using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.LoadTests.Seeding;

/// <summary>What a seed wrote and how long each step took.</summary>
/// <param name="Cases">case_view rows.</param>
/// <param name="Summonses">summons_view rows.</param>
/// <param name="Facts">stats_fact rows.</param>
/// <param name="States">Cases per state.</param>
/// <param name="OpenCases">Cases not resolved, closed or followed up.</param>
/// <param name="OverdueOpenCases">Open cases past their due time at the end of the history.</param>
/// <param name="EscalatedCases">Cases escalated at least once.</param>
/// <param name="OpenSummonses">Summonses issued, acknowledged or arrived.</param>
/// <param name="CopySeconds">Generating the history and COPYing the rows (with the indexes dropped).</param>
/// <param name="IndexSeconds">Building the indexes again.</param>
/// <param name="VacuumSeconds">VACUUM ANALYZE of the three tables.</param>
public sealed record SeedResult(
    long Cases,
    long Summonses,
    long Facts,
    IReadOnlyDictionary<CaseState, long> States,
    long OpenCases,
    long OverdueOpenCases,
    long EscalatedCases,
    long OpenSummonses,
    double CopySeconds,
    double IndexSeconds,
    double VacuumSeconds)
{
    public long Rows => Cases + Summonses + Facts;

    public double TotalSeconds => CopySeconds + IndexSeconds + VacuumSeconds;

    /// <summary>Rows per second of the COPY phase.</summary>
    public double CopyRowsPerSecond => CopySeconds > 0 ? Rows / CopySeconds : 0;

    /// <summary>Rows per second over the whole seed, indexes and vacuum included.</summary>
    public double RowsPerSecond => TotalSeconds > 0 ? Rows / TotalSeconds : 0;
}
