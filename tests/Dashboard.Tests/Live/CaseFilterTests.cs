using Dispatch.Dashboard.Services;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Live;

/// <summary>
/// The console's filter applied to a case received live (the database applies the same filter to what a page loads):
/// a live case joins a filtered first page only when it matches.
/// </summary>
public sealed class CaseFilterTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 2, 0);

    private static CaseSummary Case(CaseState state = CaseState.InProgress, RiskColour? risk = RiskColour.Orange, Duration? dueIn = null,
        string summary = "楼上漏水") =>
        new("C-20261130-000042", "tc-a-t1-g1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, Category.NeighbourDispute, CaseTier.General, risk,
            state, summary, Now - Duration.FromHours(1), dueIn is { } d ? Now + d : null, 0, 0, null, 1);

    private static CaseFilter Filter(CaseState? state = null, RiskColour? risk = null, bool overdue = false, bool soon = false, string? text = null,
        bool openOnly = false) => new(state, risk, overdue, soon, text, 1) { OpenOnly = openOnly };

    [Fact]
    public void EachFilter_KeepsWhatMatches_AndOnlyThat()
    {
        Assert.True(Filter().Matches(Case(CaseState.Closed), Now));
        Assert.False(Filter(openOnly: true).Matches(Case(CaseState.Closed), Now));
        Assert.True(Filter(state: CaseState.Reported).Matches(Case(CaseState.Reported), Now));
        Assert.False(Filter(state: CaseState.Reported).Matches(Case(), Now));
        Assert.True(Filter(risk: RiskColour.Red).Matches(Case(risk: RiskColour.Red), Now));
        Assert.False(Filter(risk: RiskColour.Red).Matches(Case(risk: null), Now));
        Assert.True(Filter(overdue: true).Matches(Case(dueIn: Duration.FromMinutes(-1)), Now));
        Assert.False(Filter(overdue: true).Matches(Case(dueIn: Duration.FromMinutes(1)), Now));
        // Due soon: within the hour and not yet overdue, open.
        Assert.True(Filter(soon: true).Matches(Case(dueIn: Duration.FromMinutes(59)), Now));
        Assert.False(Filter(soon: true).Matches(Case(dueIn: Duration.FromMinutes(60)), Now));
        Assert.False(Filter(soon: true).Matches(Case(dueIn: Duration.FromMinutes(-1)), Now));
        Assert.False(Filter(soon: true).Matches(Case(CaseState.Closed, dueIn: Duration.FromMinutes(5)), Now));
        Assert.False(Filter(soon: true).Matches(Case(), Now));
        // Text: in the id (any case) or the summary.
        Assert.True(Filter(text: " c-20261130-000042 ").Matches(Case(), Now));
        Assert.True(Filter(text: "漏水").Matches(Case(), Now));
        Assert.False(Filter(text: "欠薪").Matches(Case(), Now));
    }
}
