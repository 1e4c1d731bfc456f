using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Dashboard.Components;

/// <summary>The summonses a department was first summoned with, each followed up its escalation chain.</summary>
/// <param name="DepartmentId">The department summoned first (the chain's root).</param>
/// <param name="Chains">One chain per time it was summoned, oldest first: the root summons, then the summons it was
/// escalated to, and so on up.</param>
public sealed record DepartmentChains(string DepartmentId, IReadOnlyList<IReadOnlyList<SummonsView>> Chains);

/// <summary>Groups a case's summonses by the department first summoned, following each summons's <c>EscalatedTo</c> up.</summary>
public static class SummonsChains
{
    public static IReadOnlyList<DepartmentChains> Of(IReadOnlyCollection<SummonsView> summonses)
    {
        var byId = summonses.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var escalatedTo = summonses.Where(s => s.EscalatedTo is not null).Select(s => s.EscalatedTo!).ToHashSet(StringComparer.Ordinal);
        var roots = summonses.Where(s => !escalatedTo.Contains(s.Id)).OrderBy(s => s.IssuedAt).ThenBy(s => s.Id, StringComparer.Ordinal);
        return roots
            .GroupBy(s => s.DepartmentId, StringComparer.Ordinal)
            .Select(g => new DepartmentChains(g.Key, g.Select(root => Chain(root, byId)).ToList()))
            .ToList();
    }

    private static IReadOnlyList<SummonsView> Chain(SummonsView root, IReadOnlyDictionary<string, SummonsView> byId)
    {
        var chain = new List<SummonsView> { root };
        var seen = new HashSet<string>(StringComparer.Ordinal) { root.Id };
        var current = root;
        while (current.EscalatedTo is { } next && byId.TryGetValue(next, out var up) && seen.Add(up.Id))
        {
            chain.Add(up);
            current = up;
        }
        return chain;
    }
}
