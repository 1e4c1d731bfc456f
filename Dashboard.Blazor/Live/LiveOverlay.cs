using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Dashboard.Live;

/// <summary>
/// The newest case summaries and summonses a page has received live, laid over what it loads: a list read just after
/// an event may not hold that event yet (lists come from read models), so an item the live events know in a newer
/// version replaces the loaded one, and one the list does not hold yet is added. Only the page's own scopes' events
/// reach it; what a later load holds in the same or a newer version is forgotten. Not thread-safe: a page uses it on its dispatcher.
/// </summary>
public sealed class LiveOverlay
{
    private readonly Dictionary<string, CaseSummary> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SummonsView> _summonses = new(StringComparer.Ordinal);

    /// <summary>Keeps the newest version of each case and summons of the batch.</summary>
    public void Add(LiveBatch batch)
    {
        foreach (var e in batch.Cases)
        {
            if (!_cases.TryGetValue(e.Case.Id, out var held) || held.Version < e.Case.Version)
                _cases[e.Case.Id] = e.Case;
        }
        foreach (var e in batch.Summonses)
        {
            if (!_summonses.TryGetValue(e.Summons.Id, out var held) || held.Version < e.Summons.Version)
                _summonses[e.Summons.Id] = e.Summons;
        }
    }

    /// <summary>The loaded cases with newer live versions in their place, then live cases the list lacks (newest first).</summary>
    public IReadOnlyList<CaseSummary> Over(IReadOnlyList<CaseSummary> loaded, Func<CaseSummary, bool>? belongs = null) =>
        Merge(loaded, _cases, c => c.Id, c => c.Version, belongs, c => c.CreatedAt);

    /// <summary>The loaded summonses with newer live versions in their place, then live ones the list lacks.</summary>
    public IReadOnlyList<SummonsView> Over(IReadOnlyList<SummonsView> loaded, Func<SummonsView, bool>? belongs = null) =>
        Merge(loaded, _summonses, s => s.Id, s => s.Version, belongs, s => s.IssuedAt);

    private static List<T> Merge<T>(IReadOnlyList<T> loaded, Dictionary<string, T> live, Func<T, string> id, Func<T, long> version,
        Func<T, bool>? belongs, Func<T, NodaTime.Instant> newest)
    {
        var ids = new HashSet<string>(loaded.Select(id), StringComparer.Ordinal);
        // What the list has caught up with is no longer needed.
        foreach (var item in loaded)
        {
            if (live.TryGetValue(id(item), out var held) && version(held) <= version(item))
                live.Remove(id(item));
        }
        var merged = loaded.Select(item => live.TryGetValue(id(item), out var held) && version(held) > version(item) ? held : item).ToList();
        merged.InsertRange(0, live.Values.Where(item => !ids.Contains(id(item)) && (belongs?.Invoke(item) ?? true)).OrderByDescending(newest));
        return merged;
    }
}
