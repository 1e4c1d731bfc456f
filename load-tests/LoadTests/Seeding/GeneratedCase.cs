using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Stats;

namespace Dispatch.LoadTests.Seeding;

/// <summary>
/// One made-up case as the engine would hold it at the end of its history: the view (summonses and timeline
/// included), the county of its township, how many times it escalated, and its statistics facts
/// (<see cref="CaseStatsFacts.Of"/> of the view).
/// </summary>
public sealed record GeneratedCase(CaseView View, string CountyId, int Escalations, IReadOnlyDictionary<StatsDayKey, StatsTotals> Facts)
{
    /// <summary>Not resolved, closed or followed up.</summary>
    public bool IsOpen => View.State is not (Grains.Interfaces.Model.CaseState.Resolved or Grains.Interfaces.Model.CaseState.Closed
        or Grains.Interfaces.Model.CaseState.FollowedUp);

    /// <summary>Summonses still open (issued, acknowledged, arrived).</summary>
    public int OpenSummonses => View.Summonses.Count(s => s.IsOpen);
}
