namespace Dispatch.Runtime.Tests.TestGrains;

/// <summary>Counts, persists each increment, and records whether two turns ever overlapped.</summary>
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    private int _inTurn;
    private int _overlaps;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state.State.Activations++;
        await state.WriteStateAsync();
    }

    public async Task<int> Increment()
    {
        if (Interlocked.Exchange(ref _inTurn, 1) == 1) _overlaps++;
        var before = state.State.Value;
        await Task.Yield();
        state.State.Value = before + 1;
        await state.WriteStateAsync();
        Volatile.Write(ref _inTurn, 0);
        return state.State.Value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public Task<int> OverlapsSeen() => Task.FromResult(_overlaps);

    public Task<int> ActivationCount() => Task.FromResult(state.State.Activations);
}
