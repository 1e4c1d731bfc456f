using Dispatch.Grains.Domain.Calendar;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Calendar;

public sealed class CalendarCoverageTests
{
    [Theory]
    [InlineData(2025, new int[0])]
    [InlineData(2026, new[] { 2027 })]
    [InlineData(2027, new[] { 2027, 2028 })]
    [InlineData(2024, new[] { 2024 })]
    public void MissingYears_OfTheShippedCalendar_AreTheCurrentOrNextYearsItLacks(int year, int[] missing)
    {
        Assert.Equal([2025, 2026], WorkingCalendar.Default.CoveredYears);

        Assert.Equal(missing, CalendarCoverage.MissingYears(WorkingCalendar.Default.CoveredYears.ToList(), new LocalDate(year, 12, 31)));
    }

    [Fact]
    public void Warning_NamesTheFileAndTheYears_NullWhenNoneMissing()
    {
        Assert.Null(CalendarCoverage.Warning([], "calendar-cn.json"));

        var warning = CalendarCoverage.Warning([2027, 2028], "calendar-cn.json")!;

        Assert.Contains("calendar-cn.json", warning);
        Assert.Contains("2027 and 2028", warning);
    }
}
