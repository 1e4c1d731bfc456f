using NodaTime;

namespace Dispatch.Runtime.Tests.TestGrains;

/// <summary>Records each reminder firing durably; its timer signals <see cref="TimerSignals"/>.</summary>
public sealed class AlarmGrain([PersistentState("alarm")] IPersistentState<AlarmState> state, TimerSignals signals)
    : Grain, IAlarmGrain, IRemindable
{
    private int _ticks;

    public Task Set(string name, Instant dueAt, Duration? period) => RegisterOrUpdateReminderAsync(name, dueAt, period);

    public Task Cancel(string name) => UnregisterReminderAsync(name);

    public Task<IReadOnlyList<AlarmFiring>> Firings() => Task.FromResult<IReadOnlyList<AlarmFiring>>(state.State.Firings.ToList());

    public async Task<int> StoredReminderCount() => (await GetRemindersAsync()).Count;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Firings.Add(new AlarmFiring(reminderName, status.DueAt, status.FiredAt));
        await state.WriteStateAsync();
    }

    public Task StartTimer(TimeSpan dueTime)
    {
        RegisterTimer(_ =>
        {
            _ticks++;
            signals.Signal(GrainKey, _ticks);
            return Task.CompletedTask;
        }, dueTime, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public Task<int> TimerTicks() => Task.FromResult(_ticks);
}
