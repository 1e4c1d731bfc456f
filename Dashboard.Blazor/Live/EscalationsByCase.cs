using Dispatch.Grains.Interfaces.Events;

namespace Dispatch.Dashboard.Live;

/// <summary>One case in the duty board's escalation feed: its latest escalation and how many it had in the feed's window.</summary>
public sealed record CaseEscalations(string CaseId, EscalationRaised Latest, int Count);

/// <summary>Groups an escalation feed (newest first) by case: one row per case, the case with the newest escalation first.</summary>
public static class EscalationsByCase
{
    public static IReadOnlyList<CaseEscalations> Of(IReadOnlyList<EscalationRaised> newestFirst, int maxCases) =>
        newestFirst
            .GroupBy(e => e.Escalation.CaseId, StringComparer.Ordinal)
            .Select(g => new CaseEscalations(g.Key, g.MaxBy(e => e.Escalation.At)!, g.Count()))
            .OrderByDescending(c => c.Latest.Escalation.At)
            .ThenBy(c => c.CaseId, StringComparer.Ordinal)
            .Take(maxCases)
            .ToList();
}
