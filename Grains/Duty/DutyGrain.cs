using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Engine;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Orleans;
using Orleans.Runtime;
using NodaTime;

namespace Dispatch.Grains.Duty;

/// <summary>
/// A county's duty desk: the rota comes from the city file (a pure function of time), the log of cases leaders
/// took is stored here, fed by case outboxes.
/// </summary>
public sealed class DutyGrain([PersistentState("duty")] IPersistentState<DutyLog> state, EngineContext engine) : EngineGrain, IDutyGrain
{
    private const int Kept = 500;

    public Task<DutyShiftView?> OnDuty(Instant at)
        => Task.FromResult(engine.City.TryGetRota(GrainKey, out var rota) ? ToView(rota.OnDutyAt(at)) : null);

    public Task<IReadOnlyList<DutyShiftView>> Rota(Instant from, Instant to)
        => Task.FromResult<IReadOnlyList<DutyShiftView>>(engine.City.TryGetRota(GrainKey, out var rota)
            ? rota.Shifts(from, to).Select(ToView).ToList()
            : []);

    public async Task RecordTake(LeaderTake take)
    {
        var takes = state.State.Takes;
        if (takes.Any(t => t.CaseId == take.CaseId && t.Name == take.Name)) return;
        takes.Insert(0, take);
        if (takes.Count > Kept) takes.RemoveRange(Kept, takes.Count - Kept);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<LeaderTake>> Takes() => Task.FromResult<IReadOnlyList<LeaderTake>>(state.State.Takes.ToList());

    private static DutyShiftView ToView(DutyShift shift)
        => new(shift.Role, shift.Name, shift.From, shift.To);
}
