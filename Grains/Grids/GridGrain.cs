using Dispatch.Grains.Engine;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Orleans;
using Orleans.Runtime;

namespace Dispatch.Grains.Grids;

/// <summary>A grid cell: which of its cases are open, how many were reported and resolved.</summary>
public sealed class GridGrain([PersistentState("grid")] IPersistentState<GridCases> state) : EngineGrain, IGridGrain
{
    private readonly GroupCommit<GridCases> _commit = new(state);

    public async Task Upsert(CaseSummary summary)
    {
        var cases = state.State;
        if (cases.Versions.GetValueOrDefault(summary.Id) >= summary.Version)
        {
            await _commit.FlushAsync();
            return;
        }
        cases.Versions[summary.Id] = summary.Version;
        if (summary.IsOpen)
        {
            cases.Open[summary.Id] = summary;
        }
        else
        {
            cases.Open.Remove(summary.Id);
            cases.Resolved.Add(summary.Id);
        }
        await _commit.WriteAsync();
    }

    public Task<GridView> View() => Task.FromResult(new GridView(GrainKey,
        state.State.Open.Values.OrderByDescending(c => c.CreatedAt).ToList(), state.State.Versions.Count, state.State.Resolved.Count));
}
