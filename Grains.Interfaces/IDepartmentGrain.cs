using Dispatch.Grains.Interfaces.Cases;
using Orleans;
using Orleans.Concurrency;

namespace Dispatch.Grains.Interfaces;

/// <summary>A department's inbox of summonses, keyed by department id; fed by cases through their outboxes.</summary>
[Alias("dispatch.IDepartmentGrain")]
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Records a summons copy; an older version than the one held is ignored (idempotent).</summary>
    Task Upsert(SummonsView summons);

    /// <summary>Open summonses (issued, acknowledged, arrived), or also recently closed ones, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<SummonsView>> List(bool openOnly);
}
