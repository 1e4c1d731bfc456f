using Dispatch.Grains.Engine;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Orleans;
using Orleans.Runtime;

namespace Dispatch.Grains.Centers;

/// <summary>A center's list of the cases it handles now, fed by case outboxes; stale versions are ignored.</summary>
public sealed class CenterGrain([PersistentState("center")] IPersistentState<CenterCases> state, EngineContext engine)
    : EngineGrain, ICenterGrain
{
    private readonly GroupCommit<CenterCases> _commit = new(state);

    public async Task Upsert(CaseSummary summary)
    {
        var cases = state.State;
        var held = cases.Open.GetValueOrDefault(summary.Id)?.Version
            ?? cases.RecentClosed.FirstOrDefault(c => c.Id == summary.Id)?.Version
            ?? cases.MovedAway.GetValueOrDefault(summary.Id, 0);
        if (held >= summary.Version)
        {
            await _commit.FlushAsync();
            return;
        }
        cases.Open.Remove(summary.Id);
        cases.RecentClosed.RemoveAll(c => c.Id == summary.Id);
        cases.MovedAway.Remove(summary.Id);
        if (summary.CenterId != GrainKey)
        {
            cases.MovedAway[summary.Id] = summary.Version;
        }
        else if (summary.IsOpen)
        {
            cases.Open[summary.Id] = summary;
        }
        else
        {
            cases.RecentClosed.Insert(0, summary);
            var keep = engine.Options.ClosedCasesKept;
            if (cases.RecentClosed.Count > keep) cases.RecentClosed.RemoveRange(keep, cases.RecentClosed.Count - keep);
        }
        await _commit.WriteAsync();
    }

    public Task<IReadOnlyList<CaseSummary>> List()
        => Task.FromResult<IReadOnlyList<CaseSummary>>(
            state.State.Open.Values.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)
                .Concat(state.State.RecentClosed).ToList());
}
