using Dispatch.Grains.Interfaces.Stats;
using Orleans;
using Orleans.Concurrency;

namespace Dispatch.Grains.Interfaces;

/// <summary>
/// One statistics bucket: a township's or a department's facts for one local day (Asia/Shanghai), keyed
/// "<c>{scopeId}|{yyyy-MM-dd}</c>". Fed by case outboxes; holds each case's newest <see cref="CaseDayFact"/>.
/// </summary>
[Alias("dispatch.IStatsDayGrain")]
public interface IStatsDayGrain : IGrainWithStringKey
{
    /// <summary>Records a case's contribution; a version not newer than the one held is ignored (idempotent).</summary>
    Task Upsert(CaseDayFact fact);

    /// <summary>The sum of every case's contribution (empty for a day without any).</summary>
    [ReadOnly]
    Task<StatsTotals> Totals();
}
