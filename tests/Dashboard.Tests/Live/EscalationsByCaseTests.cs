using Dispatch.Dashboard.Live;
using Dispatch.Grains.Interfaces.Events;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Live;

/// <summary>The duty board's escalation feed lists one row per case: its latest escalation and the count.</summary>
public sealed class EscalationsByCaseTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 1, 0);

    private static EscalationRaised Escalation(string caseId, int minute, string kind = "ack")
    {
        var e = LiveBatchBuilderTests.Escalation(caseId, kind);
        return e with { Escalation = e.Escalation with { At = At + Duration.FromMinutes(minute) } };
    }

    [Fact]
    public void Of_OneRowPerCase_LatestEscalationAndCount_NewestCaseFirst()
    {
        var rows = EscalationsByCase.Of(
        [
            Escalation("C2", 9, "leader"), Escalation("C1", 8, "arrive"), Escalation("C2", 5), Escalation("C1", 3), Escalation("C1", 1), Escalation("C3", 0),
        ], maxCases: 10);

        Assert.Equal(["C2", "C1", "C3"], rows.Select(r => r.CaseId));
        Assert.Equal([2, 3, 1], rows.Select(r => r.Count));
        Assert.Equal("leader", rows[0].Latest.Escalation.Kind);
        Assert.Equal("arrive", rows[1].Latest.Escalation.Kind);
        Assert.Equal(At + Duration.FromMinutes(8), rows[1].Latest.Escalation.At);
    }

    [Fact]
    public void Of_KeepsTheNewestCasesUpToTheLimit()
    {
        var rows = EscalationsByCase.Of([Escalation("C3", 3), Escalation("C2", 2), Escalation("C1", 1), Escalation("C3", 0)], maxCases: 2);
        Assert.Equal(["C3", "C2"], rows.Select(r => r.CaseId));
        Assert.Empty(EscalationsByCase.Of([], 5));
    }
}
