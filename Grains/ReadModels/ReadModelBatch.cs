using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Stats;

namespace Dispatch.Grains.ReadModels;

/// <summary>A case's row in the read models: its summary, and the county its township belongs to (for county lists).</summary>
public sealed record CaseRow(CaseSummary Summary, string CountyId);

/// <summary>A case's whole contribution to one township's or department's statistics on one local day, at a case version.</summary>
public sealed record StatsFactRow(StatsDayKey Key, string CaseId, int Version, StatsTotals Totals);

/// <summary>
/// What one case asks the read models to hold: its row, the summonses and statistics facts that changed. Each row
/// carries the version that wrote it; a row already stored at that version or newer is left alone.
/// </summary>
public sealed record ReadModelBatch(CaseRow? Case, IReadOnlyList<SummonsView> Summonses, IReadOnlyList<StatsFactRow> Facts)
{
    public bool IsEmpty => Case is null && Summonses.Count == 0 && Facts.Count == 0;
}
