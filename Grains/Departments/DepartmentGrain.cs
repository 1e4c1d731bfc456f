using Dispatch.Grains.Engine;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Orleans;
using Orleans.Runtime;

namespace Dispatch.Grains.Departments;

/// <summary>A department's inbox: copies of its summonses delivered by case outboxes; stale versions are ignored.</summary>
public sealed class DepartmentGrain([PersistentState("department")] IPersistentState<DepartmentInbox> state, EngineContext engine)
    : EngineGrain, IDepartmentGrain
{
    private readonly GroupCommit<DepartmentInbox> _commit = new(state);

    public async Task Upsert(SummonsView summons)
    {
        var inbox = state.State;
        var held = inbox.Open.GetValueOrDefault(summons.Id) ?? inbox.RecentClosed.FirstOrDefault(s => s.Id == summons.Id);
        if (held is not null && held.Version >= summons.Version)
        {
            await _commit.FlushAsync();
            return;
        }
        if (summons.IsOpen)
        {
            inbox.Open[summons.Id] = summons;
        }
        else
        {
            inbox.Open.Remove(summons.Id);
            inbox.RecentClosed.RemoveAll(s => s.Id == summons.Id);
            inbox.RecentClosed.Insert(0, summons);
            var keep = engine.Options.ClosedSummonsesKept;
            if (inbox.RecentClosed.Count > keep) inbox.RecentClosed.RemoveRange(keep, inbox.RecentClosed.Count - keep);
        }
        await _commit.WriteAsync();
    }

    public Task<IReadOnlyList<SummonsView>> List(bool openOnly)
    {
        IEnumerable<SummonsView> all = state.State.Open.Values.OrderByDescending(s => s.IssuedAt).ThenBy(s => s.Id, StringComparer.Ordinal);
        if (!openOnly) all = all.Concat(state.State.RecentClosed);
        return Task.FromResult<IReadOnlyList<SummonsView>>(all.ToList());
    }
}
