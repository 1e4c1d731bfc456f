using Dispatch.Grains.Interfaces.Cases;
using Orleans;
using Orleans.Concurrency;

namespace Dispatch.Grains.Interfaces;

/// <summary>A grid cell (网格), keyed by grid id: the cases reported from it, fed by case outboxes.</summary>
[Alias("dispatch.IGridGrain")]
public interface IGridGrain : IGrainWithStringKey
{
    /// <summary>Records a case summary of a case reported in this grid; stale versions are ignored.</summary>
    Task Upsert(CaseSummary summary);

    [ReadOnly]
    Task<GridView> View();
}
