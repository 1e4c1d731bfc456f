using System.Collections.Concurrent;
using Orleans.Runtime;

namespace Dispatch.Storage.Tests;

/// <summary>The persisted state of <see cref="ProbeGrain"/>.</summary>
[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)] public string? Value { get; set; }
    [Id(1)] public int Writes { get; set; }
}

/// <summary>A grain with persistent state and reminders, driven by the tests.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    Task<string?> GetValue();
    Task SetValue(string value);
    Task ClearValue();
    Task<bool> RecordExists();
    Task RegisterReminder(string name, TimeSpan dueTime, TimeSpan period);
    Task<List<string>> ReminderNames();
    Task UnregisterReminder(string name);
}

/// <summary>Grain type "probe": state "probe" in the default storage; reminder ticks go to <see cref="ReminderSignals"/>.</summary>
public sealed class ProbeGrain([PersistentState(ProbeGrain.StateName)] IPersistentState<ProbeState> state) : Grain, IProbeGrain, IRemindable
{
    public const string StateName = "probe";

    public Task<string?> GetValue() => Task.FromResult(state.State.Value);

    public async Task SetValue(string value)
    {
        state.State.Value = value;
        state.State.Writes++;
        await state.WriteStateAsync();
    }

    public Task ClearValue() => state.ClearStateAsync();

    public Task<bool> RecordExists() => Task.FromResult(state.RecordExists);

    public Task RegisterReminder(string name, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(name, dueTime, period);

    public async Task<List<string>> ReminderNames() =>
        (await this.GetReminders()).Select(r => r.ReminderName).Order().ToList();

    public async Task UnregisterReminder(string name)
    {
        var reminder = await this.GetReminder(name) ?? throw new InvalidOperationException($"No reminder '{name}'.");
        await this.UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderSignals.For(this.GetPrimaryKeyString(), reminderName).TrySetResult(status);
        return Task.CompletedTask;
    }
}

/// <summary>One completion per (grain key, reminder name), set by the grain's first tick.</summary>
public static class ReminderSignals
{
    private static readonly ConcurrentDictionary<(string, string), TaskCompletionSource<TickStatus>> Signals = new();

    public static TaskCompletionSource<TickStatus> For(string grainKey, string reminderName) =>
        Signals.GetOrAdd((grainKey, reminderName), _ => new TaskCompletionSource<TickStatus>(TaskCreationOptions.RunContinuationsAsynchronously));
}
