using Dispatch.Grains.Interfaces.Cases;
using Orleans;
using Orleans.Concurrency;

namespace Dispatch.Grains.Interfaces;

/// <summary>A governance center's list of the cases it handles now, keyed by center id; fed by case outboxes.</summary>
[Alias("dispatch.ICenterGrain")]
public interface ICenterGrain : IGrainWithStringKey
{
    /// <summary>Records a case summary; stale versions are ignored; a summary naming another center removes the case here.</summary>
    Task Upsert(CaseSummary summary);

    /// <summary>The cases this center handles now (open ones and the most recent closed ones).</summary>
    [ReadOnly]
    Task<IReadOnlyList<CaseSummary>> List();
}
