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
    public LiveBatch Concerning(string scope) => new(
        Cases.Where(e => e.Scopes.Contains(scope)).ToList(),
        Summonses.Where(e => e.Scopes.Contains(scope)).ToList(),
        Escalations.Where(e => e.Scopes.Contains(scope)).ToList());
}
