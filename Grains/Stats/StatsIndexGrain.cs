using Dispatch.Grains.Engine;
using Dispatch.Grains.Interfaces;
using Orleans;
using Orleans.Runtime;
using NodaTime;

namespace Dispatch.Grains.Stats;

/// <summary>
/// A township's or department's days with statistics buckets in one year, keyed "<c>{scope}|{yyyy}</c>"; written
/// once per scope and day, so it costs nothing next to the buckets, and spares queries the buckets of quiet days
/// (most departments are summoned on few days).
/// </summary>
public sealed class StatsIndexGrain([PersistentState("statsIndex")] IPersistentState<StatsIndexState> state) : EngineGrain, IStatsIndexGrain
{
    public async Task Add(LocalDate day)
    {
        var days = state.State.Days;
        var at = days.BinarySearch(day);
        if (at >= 0) return;
        days.Insert(~at, day);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }

    public Task<IReadOnlyList<LocalDate>> Days(LocalDate from, LocalDate to) =>
        Task.FromResult<IReadOnlyList<LocalDate>>(state.State.Days.Where(d => d >= from && d <= to).ToList());
}
