using Dispatch.Grains.Domain.Calendar;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using static Dispatch.Grains.Tests.Domain.Shanghai;

namespace Dispatch.Grains.Tests.Domain.Deadlines;

public sealed class DeadlinePolicyTests
{
    private static readonly DeadlinePolicy Policy = new(WorkingCalendar.Default, DeadlinePolicyOptions.Default);

    [Fact]
    public void TriageDueAt_WithinOneWorkingDay_EndOfNextWorkingDay() =>
        Assert.Equal(At(2026, 3, 3, 17, 30), Policy.TriageDueAt(At(2026, 3, 2, 10, 0)));

    [Fact]
    public void TriageDueAt_ReportedOnSpringFestivalEve_CountsMakeUpSaturday() =>
        Assert.Equal(At(2026, 2, 14, 17, 30), Policy.TriageDueAt(At(2026, 2, 13, 10, 0)));

    [Fact]
    public void TriageDueAt_ReportedDuringHoliday_FirstWorkingDayIsTheBase() =>
        Assert.Equal(At(2025, 10, 10, 17, 30), Policy.TriageDueAt(At(2025, 10, 3, 22, 0)));

    [Fact]
    public void CaseDueAt_Consultation_EndOfSameWorkingDay() =>
        Assert.Equal(At(2026, 3, 2, 17, 30), Policy.CaseDueAt(CaseTier.Consultation, At(2026, 3, 2, 10, 0)));

    [Fact]
    public void CaseDueAt_SimpleAfterHours_EndOfNextWorkingDay() =>
        Assert.Equal(At(2026, 3, 3, 17, 30), Policy.CaseDueAt(CaseTier.Simple, At(2026, 3, 2, 19, 0)));

    [Fact]
    public void CaseDueAt_General_FiveWorkingDays() =>
        Assert.Equal(At(2026, 3, 9, 17, 30), Policy.CaseDueAt(CaseTier.General, At(2026, 3, 2, 10, 0)));

    [Fact]
    public void CaseDueAt_GeneralAcrossNationalDay2026_SkipsHolidayAndCountsMakeUpSaturday() =>
        // After Tue 29 Sep: 30 Sep, 8 Oct, 9 Oct, 10 Oct (Saturday, worked), 12 Oct.
        Assert.Equal(At(2026, 10, 12, 17, 30), Policy.CaseDueAt(CaseTier.General, At(2026, 9, 29, 10, 0)));

    [Fact]
    public void CaseDueAt_Complex_TwoCalendarMonths() =>
        Assert.Equal(At(2026, 3, 31, 10, 0), Policy.CaseDueAt(CaseTier.Complex, At(2026, 1, 31, 10, 0)));

    [Fact]
    public void CaseDueAt_ComplexFromMonthEnd_TruncatesToShorterMonth() =>
        Assert.Equal(At(2026, 2, 28, 16, 0), Policy.CaseDueAt(CaseTier.Complex, At(2025, 12, 31, 16, 0)));

    [Fact]
    public void CaseDueAt_Major_IsNull() =>
        Assert.Null(Policy.CaseDueAt(CaseTier.Major, At(2026, 3, 2, 10, 0)));

    [Fact]
    public void SummonsDeadlines_RedOverHoliday_RunsOnElapsedTime()
    {
        var issued = At(2026, 2, 17, 3, 0); // Chinese New Year's Day, 3 a.m.
        var (ack, arrive) = Policy.SummonsDeadlines(RiskColour.Red, issued);

        Assert.Equal(At(2026, 2, 17, 3, 15), ack);
        Assert.Equal(At(2026, 2, 17, 3, 30), arrive);
    }

    [Fact]
    public void SummonsDeadlines_OrangeFridayEvening_RunsOnWorkingHours()
    {
        var (ack, arrive) = Policy.SummonsDeadlines(RiskColour.Orange, At(2026, 3, 6, 17, 0));

        Assert.Equal(At(2026, 3, 9, 9, 0), ack);
        Assert.Equal(At(2026, 3, 9, 12, 0), arrive);
    }

    [Fact]
    public void SummonsDeadlines_Blue_TwoWorkingHoursAndEndOfNextWorkingDay()
    {
        var (ack, arrive) = Policy.SummonsDeadlines(RiskColour.Blue, At(2026, 3, 2, 16, 0));

        Assert.Equal(At(2026, 3, 3, 9, 0), ack);
        Assert.Equal(At(2026, 3, 3, 17, 30), arrive);
    }

    [Fact]
    public void SummonsDeadlines_BlueBeforeSpringFestival_SkipsHoliday()
    {
        var (ack, arrive) = Policy.SummonsDeadlines(RiskColour.Blue, At(2026, 2, 14, 16, 30));

        Assert.Equal(At(2026, 2, 24, 9, 30), ack);
        Assert.Equal(At(2026, 2, 24, 17, 30), arrive);
    }

    [Fact]
    public void SummonsDeadlines_Overrides_WinAndRunOnElapsedTime()
    {
        var issued = At(2026, 2, 14, 17, 0); // the last working afternoon before Spring Festival
        var (ack, arrive) = Policy.SummonsDeadlines(RiskColour.Blue, issued, Duration.FromMinutes(5), Duration.FromHours(2));

        Assert.Equal(At(2026, 2, 14, 17, 5), ack);
        Assert.Equal(At(2026, 2, 14, 19, 0), arrive);
    }

    [Fact]
    public void SummonsDeadlines_OnlyAckOverridden_ArrivalKeepsColourRule()
    {
        var (ack, arrive) = Policy.SummonsDeadlines(RiskColour.Orange, At(2026, 3, 2, 9, 0), ackWithin: Duration.FromMinutes(10));

        Assert.Equal(At(2026, 3, 2, 9, 10), ack);
        Assert.Equal(At(2026, 3, 2, 14, 30), arrive);
    }

    [Fact]
    public void SummonsDeadlines_ArrivalBeforeAck_IsRaisedToAck()
    {
        var issued = At(2026, 3, 2, 9, 0);
        var (ack, arrive) = Policy.SummonsDeadlines(RiskColour.Red, issued, ackWithin: Duration.FromHours(1));

        Assert.Equal(issued + Duration.FromHours(1), ack);
        Assert.Equal(ack, arrive);
    }

    [Fact]
    public void SummonsDeadlines_ZeroOverride_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Policy.SummonsDeadlines(RiskColour.Red, At(2026, 3, 2, 9, 0), arriveWithin: Duration.Zero));

    [Fact]
    public void SummonsDeadlines_CustomOptions_AreUsed()
    {
        var options = DeadlinePolicyOptions.Default with
        {
            Red = new SummonsDeadlineRules(new ElapsedDeadline(Duration.FromMinutes(5)), new WorkingTimeDeadline(Duration.FromMinutes(30))),
        };
        var (ack, arrive) = new DeadlinePolicy(WorkingCalendar.Default, options).SummonsDeadlines(RiskColour.Red, At(2026, 3, 6, 17, 15));

        Assert.Equal(At(2026, 3, 6, 17, 20), ack);
        Assert.Equal(At(2026, 3, 9, 8, 45), arrive);
    }

    [Fact]
    public void Default_MatchesDomainBrief()
    {
        var o = DeadlinePolicyOptions.Default;
        Assert.Equal(new EndOfWorkingDayDeadline(1), o.Triage);
        Assert.Equal(new EndOfWorkingDayDeadline(5), o.General);
        Assert.Equal(new CalendarPeriodDeadline(Period.FromMonths(2)), o.Complex);
        Assert.Null(o.Major);
        Assert.Equal(new ElapsedDeadline(Duration.FromMinutes(15)), o.Red.Ack);
        Assert.Equal(new ElapsedDeadline(Duration.FromMinutes(30)), o.Red.Arrive);
        Assert.Equal(new WorkingTimeDeadline(Duration.FromHours(1)), o.Orange.Ack);
        Assert.Equal(new WorkingTimeDeadline(Duration.FromHours(4)), o.Orange.Arrive);
        Assert.Equal(new WorkingTimeDeadline(Duration.FromHours(2)), o.Blue.Ack);
        Assert.Equal(new EndOfWorkingDayDeadline(1), o.Blue.Arrive);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("PT30M", "PT2H", null)]
    [InlineData("PT30M", "PT30M", null)]
    [InlineData("PT30M", "PT10M", "arriveWithin is shorter than ackWithin")]
    [InlineData(null, "PT5M", "before the Red acknowledgement deadline")]
    [InlineData("PT3H", null, "after the Red arrival deadline")]
    public void CheckOverrides_ArrivalBeforeAcknowledgement_IsExplained(string? ack, string? arrive, string? expected)
    {
        static Duration? Parse(string? text) => text is not null && IsoDuration.TryParse(text, out var d) ? d : null;
        var message = Policy.CheckOverrides(RiskColour.Red, At(2026, 3, 6, 9, 0), Parse(ack), Parse(arrive));

        if (expected is null) Assert.Null(message);
        else Assert.Contains(expected, message!.English);
    }
}
