using Dispatch.Grains.Interfaces.Events;

namespace Dispatch.Dashboard.Live;

/// <summary>
/// One coalesced batch of live events: the latest change of each case and summons in the batch's window (older versions
/// dropped) and every escalation, in order. Each event carries its scopes (the case, its centers, its departments).
/// </summary>
public sealed record LiveBatch(
    IReadOnlyList<CaseChanged> Cases,
    IReadOnlyList<SummonsChanged> Summonses,
    IReadOnlyList<EscalationRaised> Escalations)
{
    public static LiveBatch Empty { get; } = new([], [], []);

    public bool IsEmpty => Cases.Count == 0 && Summonses.Count == 0 && Escalations.Count == 0;

    public int Count => Cases.Count + Summonses.Count + Escalations.Count;

    /// <summary>The part of the batch whose events concern <paramref name="scope"/>.</summary>
    public LiveBatch Concerning(string scope) => Concerning(new HashSet<string>(StringComparer.Ordinal) { scope });

    /// <summary>The part of the batch whose events concern any of <paramref name="scopes"/>.</summary>
    public LiveBatch Concerning(IReadOnlySet<string> scopes) => new(
        Cases.Where(e => e.Scopes.Any(scopes.Contains)).ToList(),
        Summonses.Where(e => e.Scopes.Any(scopes.Contains)).ToList(),
        Escalations.Where(e => e.Scopes.Any(scopes.Contains)).ToList());
}
