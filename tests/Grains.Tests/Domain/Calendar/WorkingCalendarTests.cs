using Dispatch.Grains.Domain.Calendar;
using NodaTime;
using static Dispatch.Grains.Tests.Domain.Shanghai;

namespace Dispatch.Grains.Tests.Domain.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = WorkingCalendar.Default;

    [Fact]
    public void Default_CoversTwoYearsInShanghaiWithDefaultHours()
    {
        Assert.Equal([2025, 2026], Cal.CoveredYears);
        Assert.Equal("Asia/Shanghai", Cal.Zone.Id);
        Assert.Equal(
            [new WorkingPeriod(new LocalTime(8, 30), new LocalTime(12, 0)), new WorkingPeriod(new LocalTime(13, 30), new LocalTime(17, 30))],
            Cal.WorkingHours);
    }

    [Fact]
    public void Load_FileCopiedToOutput_MatchesEmbeddedDefault()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "calendar-cn.json");
        var loaded = WorkingCalendar.Load(path);

        for (var date = new LocalDate(2025, 1, 1); date <= new LocalDate(2026, 12, 31); date = date.PlusDays(1))
        {
            Assert.True(Cal.IsWorkingDay(date) == loaded.IsWorkingDay(date), $"{date} differs between file and embedded resource");
        }
    }

    [Theory]
    [InlineData("2026-02-13", true)] // Friday before
    [InlineData("2026-02-14", true)] // Saturday, make-up working day
    [InlineData("2026-02-15", false)]
    [InlineData("2026-02-16", false)] // Monday inside the holiday
    [InlineData("2026-02-17", false)] // Chinese New Year's Day
    [InlineData("2026-02-20", false)]
    [InlineData("2026-02-23", false)] // last day off, a Monday
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-27", true)]
    [InlineData("2026-02-28", true)] // Saturday, make-up working day
    [InlineData("2026-03-01", false)] // ordinary Sunday
    public void IsWorkingDay_SpringFestival2026(string date, bool expected) =>
        Assert.Equal(expected, Cal.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2025-09-27", false)] // ordinary Saturday
    [InlineData("2025-09-28", true)] // Sunday, make-up working day
    [InlineData("2025-09-30", true)]
    [InlineData("2025-10-01", false)]
    [InlineData("2025-10-06", false)] // Mid-Autumn, a Monday
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-09", true)]
    [InlineData("2025-10-10", true)]
    [InlineData("2025-10-11", true)] // Saturday, make-up working day
    [InlineData("2025-10-12", false)]
    public void IsWorkingDay_NationalDay2025(string date, bool expected) =>
        Assert.Equal(expected, Cal.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-01-02", false)] // Friday
    [InlineData("2026-01-03", false)]
    [InlineData("2026-01-04", true)] // Sunday, make-up working day
    [InlineData("2026-01-05", true)]
    public void IsWorkingDay_NewYear2026(string date, bool expected) =>
        Assert.Equal(expected, Cal.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2025-01-26", true)] // Spring Festival 2025 make-up Sunday
    [InlineData("2025-01-28", false)]
    [InlineData("2025-02-04", false)]
    [InlineData("2025-02-08", true)]
    [InlineData("2025-04-27", true)] // Labour Day make-up Sunday
    [InlineData("2025-05-05", false)]
    [InlineData("2025-06-02", false)] // Dragon Boat, Monday
    [InlineData("2026-05-09", true)]
    [InlineData("2026-06-19", false)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-09-25", false)] // Mid-Autumn, Friday
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-10", true)]
    public void IsWorkingDay_OtherListedDays(string date, bool expected) =>
        Assert.Equal(expected, Cal.IsWorkingDay(Date(date)));

    [Theory]
    [InlineData("2024-10-01", true)] // a holiday in reality, but 2024 is not in the file: weekdays work
    [InlineData("2027-01-01", true)]
    [InlineData("2027-01-02", false)]
    [InlineData("2027-01-03", false)]
    public void IsWorkingDay_OutsideCoveredYears_WeekendsOnly(string date, bool expected) =>
        Assert.Equal(expected, Cal.IsWorkingDay(Date(date)));

    [Fact]
    public void NextWorkingDay_SkipsSpringFestival() =>
        Assert.Equal(new LocalDate(2026, 2, 24), Cal.NextWorkingDay(new LocalDate(2026, 2, 14)));

    [Theory]
    [InlineData(8, 29, 59, false)]
    [InlineData(8, 30, 0, true)]
    [InlineData(11, 59, 59, true)]
    [InlineData(12, 0, 0, false)]
    [InlineData(13, 29, 59, false)]
    [InlineData(13, 30, 0, true)]
    [InlineData(17, 29, 59, true)]
    [InlineData(17, 30, 0, false)]
    public void IsWithinWorkingHours_PeriodBoundariesAreHalfOpen(int hour, int minute, int second, bool expected) =>
        Assert.Equal(expected, Cal.IsWithinWorkingHours(At(2026, 3, 2, hour, minute, second)));

    [Fact]
    public void IsWithinWorkingHours_MakeUpSaturdayAndHoliday()
    {
        Assert.True(Cal.IsWithinWorkingHours(At(2026, 2, 14, 10, 0)));
        Assert.False(Cal.IsWithinWorkingHours(At(2026, 2, 16, 10, 0)));
        Assert.False(Cal.IsWithinWorkingHours(At(2026, 3, 7, 10, 0)));
    }

    [Fact]
    public void AddWorkingTime_AcrossLunch() =>
        Assert.Equal(At(2026, 3, 2, 14, 0), Cal.AddWorkingTime(At(2026, 3, 2, 11, 30), Duration.FromHours(1)));

    [Fact]
    public void AddWorkingTime_EndingExactlyAtLunch_ReturnsPeriodEnd() =>
        Assert.Equal(At(2026, 3, 2, 12, 0), Cal.AddWorkingTime(At(2026, 3, 2, 11, 0), Duration.FromHours(1)));

    [Fact]
    public void AddWorkingTime_WholeDay_EndsAtCloseOfSameDay() =>
        Assert.Equal(At(2026, 3, 2, 17, 30), Cal.AddWorkingTime(At(2026, 3, 2, 8, 30), Duration.FromMinutes(450)));

    [Fact]
    public void AddWorkingTime_AcrossWeekend() =>
        Assert.Equal(At(2026, 3, 9, 9, 0), Cal.AddWorkingTime(At(2026, 3, 6, 17, 0), Duration.FromHours(1)));

    [Fact]
    public void AddWorkingTime_FridayBeforeSpringFestival_ContinuesOnMakeUpSaturday() =>
        Assert.Equal(At(2026, 2, 14, 10, 0), Cal.AddWorkingTime(At(2026, 2, 13, 17, 0), Duration.FromHours(2)));

    [Fact]
    public void AddWorkingTime_AcrossSpringFestival2026() =>
        Assert.Equal(At(2026, 2, 24, 9, 0), Cal.AddWorkingTime(At(2026, 2, 14, 17, 0), Duration.FromHours(1)));

    [Fact]
    public void AddWorkingTime_AcrossNationalDay2025() =>
        Assert.Equal(At(2025, 10, 9, 9, 0), Cal.AddWorkingTime(At(2025, 9, 30, 17, 0), Duration.FromHours(1)));

    [Fact]
    public void AddWorkingTime_StartOnHoliday_BeginsAtNextWorkingPeriod() =>
        Assert.Equal(At(2026, 1, 4, 9, 0), Cal.AddWorkingTime(At(2026, 1, 1, 10, 0), Duration.FromMinutes(30)));

    [Fact]
    public void AddWorkingTime_StartDuringLunch_BeginsAtAfternoonStart() =>
        Assert.Equal(At(2026, 3, 2, 14, 0), Cal.AddWorkingTime(At(2026, 3, 2, 12, 15), Duration.FromMinutes(30)));

    [Fact]
    public void AddWorkingTime_ZeroBeforeOpening_ReturnsOpening() =>
        Assert.Equal(At(2026, 3, 2, 8, 30), Cal.AddWorkingTime(At(2026, 3, 2, 7, 0), Duration.Zero));

    [Fact]
    public void AddWorkingTime_ZeroInsideHours_ReturnsStart() =>
        Assert.Equal(At(2026, 3, 2, 10, 17), Cal.AddWorkingTime(At(2026, 3, 2, 10, 17), Duration.Zero));

    [Fact]
    public void AddWorkingTime_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingTime(At(2026, 3, 2, 10, 0), Duration.FromMinutes(-1)));

    [Theory]
    [InlineData(10, 0, 0, 2, 17, 30)] // same day
    [InlineData(10, 0, 1, 3, 17, 30)] // next working day
    [InlineData(7, 0, 0, 2, 17, 30)] // before opening counts as that day
    [InlineData(12, 30, 0, 2, 17, 30)] // lunch counts as that day
    [InlineData(17, 30, 0, 3, 17, 30)] // at close: the next working day
    [InlineData(18, 0, 0, 3, 17, 30)]
    [InlineData(18, 0, 1, 4, 17, 30)]
    public void EndOfWorkingDay_OrdinaryMonday(int hour, int minute, int daysAfter, int expectedDay, int expectedHour, int expectedMinute) =>
        Assert.Equal(At(2026, 3, expectedDay, expectedHour, expectedMinute), Cal.EndOfWorkingDay(At(2026, 3, 2, hour, minute), daysAfter));

    [Fact]
    public void EndOfWorkingDay_FridayBeforeSpringFestival()
    {
        var friday = At(2026, 2, 13, 10, 0);
        Assert.Equal(At(2026, 2, 13, 17, 30), Cal.EndOfWorkingDay(friday, 0));
        Assert.Equal(At(2026, 2, 14, 17, 30), Cal.EndOfWorkingDay(friday, 1));
        Assert.Equal(At(2026, 2, 24, 17, 30), Cal.EndOfWorkingDay(friday, 2));
    }

    [Fact]
    public void EndOfWorkingDay_StartOnHoliday_UsesNextWorkingDay()
    {
        Assert.Equal(At(2026, 2, 24, 17, 30), Cal.EndOfWorkingDay(At(2026, 2, 17, 9, 0), 0));
        Assert.Equal(At(2026, 2, 25, 17, 30), Cal.EndOfWorkingDay(At(2026, 2, 17, 9, 0), 1));
    }

    [Fact]
    public void EndOfWorkingDay_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.EndOfWorkingDay(At(2026, 3, 2, 10, 0), -1));

    [Fact]
    public void WorkingTimeBetween_OneFullDay() =>
        Assert.Equal(Duration.FromMinutes(450), Cal.WorkingTimeBetween(At(2026, 3, 2, 8, 30), At(2026, 3, 3, 8, 30)));

    [Fact]
    public void WorkingTimeBetween_ExcludesLunch() =>
        Assert.Equal(Duration.FromHours(1), Cal.WorkingTimeBetween(At(2026, 3, 2, 11, 30), At(2026, 3, 2, 14, 0)));

    [Fact]
    public void WorkingTimeBetween_AcrossSpringFestival() =>
        Assert.Equal(Duration.FromHours(1), Cal.WorkingTimeBetween(At(2026, 2, 14, 17, 0), At(2026, 2, 24, 9, 0)));

    [Fact]
    public void WorkingTimeBetween_Reversed_IsNegative() =>
        Assert.Equal(Duration.FromHours(-1), Cal.WorkingTimeBetween(At(2026, 3, 2, 14, 0), At(2026, 3, 2, 11, 30)));

    [Fact]
    public void WorkingTimeBetween_InvertsAddWorkingTime()
    {
        int[] minutes = [0, 1, 29, 210, 211, 450, 451, 4000, 20000];
        for (var start = At(2026, 2, 10, 6, 0); start < At(2026, 2, 28, 0, 0); start += Duration.FromMinutes(97))
        {
            foreach (var m in minutes)
            {
                var end = Cal.AddWorkingTime(start, Duration.FromMinutes(m));
                Assert.True(Duration.FromMinutes(m) == Cal.WorkingTimeBetween(start, end), $"start {Local(start)} + {m} min = {Local(end)}");
            }
        }
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).GetValueOrThrow();
}
