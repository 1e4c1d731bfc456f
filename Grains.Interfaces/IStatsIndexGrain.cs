using Orleans;
using Orleans.Concurrency;
using NodaTime;

namespace Dispatch.Grains.Interfaces;

/// <summary>
/// Which local days of one year a township or department has statistics buckets for, keyed
/// "<c>{scopeId}|{yyyy}</c>": queries read only the buckets listed here instead of every day of the period. A day
/// bucket adds its day before it stores its first fact, so a listed day may be empty but a bucket with facts is
/// always listed.
/// </summary>
[Alias("dispatch.IStatsIndexGrain")]
public interface IStatsIndexGrain : IGrainWithStringKey
{
    /// <summary>Lists <paramref name="day"/> (idempotent; writes only when the day is new).</summary>
    Task Add(LocalDate day);

    /// <summary>The listed days from <paramref name="from"/> to <paramref name="to"/> (inclusive), ascending.</summary>
    [ReadOnly]
    Task<IReadOnlyList<LocalDate>> Days(LocalDate from, LocalDate to);
}
