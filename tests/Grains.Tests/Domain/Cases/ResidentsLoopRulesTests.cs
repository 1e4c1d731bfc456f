using Dispatch.Grains.Cases;
using Dispatch.Grains.Domain.Calendar;
using Dispatch.Grains.Domain.Cases;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Domain.Escalation;
using Dispatch.Grains.Domain.StateMachines;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Cases;

/// <summary>The residents' loop as plain rules: reopening, follow-up once per resolution, the follow-up deadline, counting.</summary>
public sealed class ResidentsLoopRulesTests
{
    private static readonly Instant Monday = Shanghai.At(2026, 11, 23, 10, 0);

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(5, false)]
    public void FollowUpReopens_AtSatisfactionTwoOrBelow(int satisfaction, bool reopens) =>
        Assert.Equal(reopens, ResidentsLoop.FollowUpReopens(satisfaction));

    [Theory]
    [InlineData(CaseState.Resolved)]
    [InlineData(CaseState.Closed)]
    [InlineData(CaseState.FollowedUp)]
    public void StateMachine_Reopen_FromAResolvedCase_GoesBackToTriaged(CaseState from)
    {
        var result = CaseStateMachine.Apply(from, CaseAction.Reopen);

        Assert.True(result.IsAllowed);
        Assert.Equal(CaseState.Triaged, result.To);
    }

    [Theory]
    [InlineData(CaseState.Reported)]
    [InlineData(CaseState.Whistled)]
    [InlineData(CaseState.InProgress)]
    public void StateMachine_Reopen_AnOpenCase_IsForbidden(CaseState from) =>
        Assert.True(CaseStateMachine.Apply(from, CaseAction.Reopen).IsForbidden);

    [Fact]
    public void DepartmentsToSummonAgain_AreThoseThatFedBackDone_EachOnce()
    {
        SummonsRecord S(string department, SummonsState state) => new() { Id = "S" + department + state, DepartmentId = department, State = state };

        var departments = ResidentsLoop.DepartmentsToSummonAgain([
            S("pol", SummonsState.FedBack), S("jud", SummonsState.Declined), S("hou", SummonsState.Escalated),
            S("lab", SummonsState.FedBack), S("pol", SummonsState.FedBack), S("trb", SummonsState.Cancelled),
        ]);

        Assert.Equal(["pol", "lab"], departments);
    }

    [Fact]
    public void Classify_FollowUpIsRecordedOncePerResolution()
    {
        var record = new CaseRecord { Id = "C-1", State = CaseState.Resolved, Resolutions = 1 };
        Assert.Equal(FollowUpKind.New, ResidentsLoop.Classify(record, 2, null));

        record.Satisfaction = 2;
        record.FollowUpOfResolution = 1;
        Assert.Equal(FollowUpKind.Retry, ResidentsLoop.Classify(record, 2, null));
        Assert.Equal(FollowUpKind.Conflict, ResidentsLoop.Classify(record, 4, null));
        Assert.Equal(FollowUpKind.Conflict, ResidentsLoop.Classify(record, 2, "note"));

        record.Resolutions = 2; // reopened and resolved again
        Assert.Equal(FollowUpKind.New, ResidentsLoop.Classify(record, 2, null));
    }

    [Fact]
    public void Classify_ACaseFollowedUpBeforeResolutionsWereCounted_IsStillFollowedUpOnce()
    {
        var stored = new CaseRecord { Id = "C-1", State = CaseState.FollowedUp, Satisfaction = 4, FollowUpNote = "ok" };

        Assert.Equal(FollowUpKind.Retry, ResidentsLoop.Classify(stored, 4, "ok"));
        Assert.Equal(FollowUpKind.Conflict, ResidentsLoop.Classify(stored, 5, null));
    }

    [Fact]
    public void CaseDeadlines_FollowUpDue_IsPendingUntilFlaggedOrRecorded()
    {
        var due = Monday + Duration.FromDays(7);
        var record = new CaseRecord { Id = "C-1", State = CaseState.Closed, Resolutions = 1, FollowUpDueAt = due };

        Assert.Equal(due, CaseDeadlines.Next(record, Monday, null));
        Assert.False(CaseDeadlines.FollowUpOverdue(record, due - Duration.FromSeconds(1)));
        Assert.True(CaseDeadlines.FollowUpOverdue(record, due));

        record.FollowUpOverdueNoted = true;
        Assert.Null(CaseDeadlines.Next(record, Monday, null));
        Assert.False(CaseDeadlines.FollowUpOverdue(record, due + Duration.FromDays(1)));

        record.FollowUpOverdueNoted = false;
        record.Satisfaction = 5;
        record.FollowUpOfResolution = 1;
        Assert.Null(CaseDeadlines.Next(record, Monday, null));
    }

    [Fact]
    public void DeadlinePolicy_FollowUp_DefaultsToFiveWorkingDays_AndTheCityFileSetsIt()
    {
        var policy = new DeadlinePolicy(WorkingCalendar.Default, DeadlinePolicyOptions.Default);

        // Monday 2026-11-23 10:00: the 5th following working day is Monday 11-30, due at its end of work.
        var due = policy.FollowUpDueAt(Monday).InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        Assert.Equal(new LocalDate(2026, 11, 30), due.Date);
        Assert.Equal(new EndOfWorkingDayDeadline(5), DeadlinePolicyOptions.Default.FollowUp);
    }

    [Fact]
    public void CaseStatsFacts_CountEachReopening_ForTheTownshipAndTheDepartmentsThatHadResolvedIt()
    {
        var issued = Monday;
        var fedBack = Monday + Duration.FromHours(2);
        var reopened = Monday + Duration.FromDays(1);
        SummonsView S(string id, string department, SummonsState state, Instant? done) =>
            new(id, "C-1", department, state, issued, issued + Duration.FromHours(1), issued + Duration.FromHours(3), null, null, 0, null,
                RiskColour.Blue, done, null, 1);
        var view = new CaseView("C-1", "tc-a-t1-g1", "tc-a-t1", "tc-a-t1", CenterLevel.Township, Category.Other, CaseTier.General, RiskColour.Blue,
            CaseState.Whistled, CaseSource.Grid, "x", null, issued, null, null, null, "fixed", 2,
            [S("C-1.S1", "pol", SummonsState.FedBack, fedBack), S("C-1.S2", "jud", SummonsState.Declined, null)],
            [new TimelineEntry(reopened, CaseStatsFacts.Reopened, "system", null)], 9);

        var facts = CaseStatsFacts.Of(view);

        var day = new LocalDate(2026, 11, 24);
        Assert.Equal(1, facts[new StatsDayKey("tc-a-t1", day)].Reopened);
        Assert.Equal(1, facts[new StatsDayKey("pol", day)].Reopened);
        Assert.False(facts.ContainsKey(new StatsDayKey("jud", day)));
    }
}
