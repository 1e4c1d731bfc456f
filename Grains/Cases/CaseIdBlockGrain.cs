using Dispatch.Grains.Interfaces;
using Orleans;
using Orleans.Runtime;

namespace Dispatch.Grains.Cases;

/// <summary>One day's case-id counter (see <see cref="ICaseIdBlockGrain"/>).</summary>
public sealed class CaseIdBlockGrain(
    [PersistentState(CaseIdBlockGrain.StateName)] IPersistentState<CaseIdBlockGrain.Counter> state) : Grain, ICaseIdBlockGrain
{
    /// <summary>The name of the counter's persistent state.</summary>
    public const string StateName = "caseIds";

    /// <summary>The largest block one call may take.</summary>
    public const int MaxBlock = 10_000;

    public async Task<long> Reserve(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxBlock);
        var first = state.State.Next < 1 ? 1 : state.State.Next;
        state.State.Next = first + count;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: the block was not taken; forget it so this activation matches the store.
            await state.ReadStateAsync();
            throw;
        }
        return first;
    }

    /// <summary>The stored counter: the first number not yet handed out.</summary>
    [GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.CaseIdCounter")]
    public sealed class Counter
    {
        public long Next { get; set; }
    }
}
