using Dispatch.Grains.Interfaces.Cases;
using Orleans;
using Orleans.Concurrency;
using NodaTime;

namespace Dispatch.Grains.Interfaces;

/// <summary>A county's duty desk, keyed by county center id: the four-chiefs rota and the cases leaders took.</summary>
[Alias("dispatch.IDutyGrain")]
public interface IDutyGrain : IGrainWithStringKey
{
    /// <summary>Who is on duty at <paramref name="at"/>; null when the county has no rota.</summary>
    [ReadOnly]
    Task<DutyShiftView?> OnDuty(Instant at);

    /// <summary>The shifts overlapping [from, to).</summary>
    [ReadOnly]
    Task<IReadOnlyList<DutyShiftView>> Rota(Instant from, Instant to);

    /// <summary>Records a leader taking a case of this county (idempotent per case and leader).</summary>
    Task RecordTake(LeaderTake take);

    /// <summary>The most recent takes, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<LeaderTake>> Takes();
}
