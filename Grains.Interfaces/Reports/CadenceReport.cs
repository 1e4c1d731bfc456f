using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Stats;
using Orleans;

namespace Dispatch.Grains.Interfaces.Reports;

/// <summary>
/// A cadence report as stored: a snapshot taken at <see cref="ReportHeader.GeneratedAt"/>, self-contained (names
/// included) so it reads the same later whatever changes.
/// </summary>
/// <param name="Header">Which county, cadence and period.</param>
/// <param name="County">The county's statistics for the period.</param>
/// <param name="Previous">The county's statistics for the period before (环比).</param>
/// <param name="Townships">The county's townships, ranked best first (see <c>IStatsGrain.Ranking</c>).</param>
/// <param name="Departments">The departments of the county and its townships and villages, ranked best first.</param>
/// <param name="Attention">Cases needing supervision (需督办) when the report was produced: open cases reported in the
/// county's townships, wherever handled now (township, county or city center), that are past their deadline or have
/// escalated at least once — most escalations first, then earliest deadline, then id; at most 100.</param>
/// <param name="Names">Display names by id: the county, its townships, its departments.</param>
[GenerateSerializer, Immutable, Alias("dispatch.CadenceReport")]
public sealed record CadenceReport(
    ReportHeader Header,
    StatsView County,
    StatsView Previous,
    IReadOnlyList<StatsView> Townships,
    IReadOnlyList<StatsView> Departments,
    IReadOnlyList<CaseSummary> Attention,
    IReadOnlyDictionary<string, string> Names);
