using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Stats;

public sealed class StatsPeriodsTests
{
    private static DateInterval Dates(int y1, int m1, int d1, int y2, int m2, int d2) => new(new(y1, m1, d1), new(y2, m2, d2));

    [Theory]
    [InlineData(StatsPeriod.Day, 2026, 11, 23, 2026, 11, 23)]
    [InlineData(StatsPeriod.Week, 2026, 11, 23, 2026, 11, 29)]
    [InlineData(StatsPeriod.Month, 2026, 11, 1, 2026, 11, 30)]
    [InlineData(StatsPeriod.Quarter, 2026, 10, 1, 2026, 12, 31)]
    public void Range_ContainingAMonday_IsTheWholeLocalPeriod(StatsPeriod period, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        Assert.Equal(Dates(y1, m1, d1, y2, m2, d2), StatsPeriods.Range(period, new LocalDate(2026, 11, 23)));
    }

    [Fact]
    public void Range_WeekOfASunday_StartsTheMondayBefore()
    {
        Assert.Equal(Dates(2026, 11, 23, 2026, 11, 29), StatsPeriods.Range(StatsPeriod.Week, new LocalDate(2026, 11, 29)));
    }

    [Fact]
    public void Range_WeekAcrossTheNewYear_SpansBothYears()
    {
        Assert.Equal(Dates(2026, 12, 28, 2027, 1, 3), StatsPeriods.Range(StatsPeriod.Week, new LocalDate(2027, 1, 1)));
    }

    [Theory]
    [InlineData(2, 14, 1, 1, 3, 31)]
    [InlineData(5, 31, 4, 1, 6, 30)]
    [InlineData(9, 30, 7, 1, 9, 30)]
    [InlineData(12, 31, 10, 1, 12, 31)]
    public void Range_Quarter_IsThreeCalendarMonths(int month, int day, int m1, int d1, int m2, int d2)
    {
        Assert.Equal(Dates(2026, m1, d1, 2026, m2, d2), StatsPeriods.Range(StatsPeriod.Quarter, new LocalDate(2026, month, day)));
    }

    [Fact]
    public void Range_FebruaryOfALeapYear_Has29Days()
    {
        Assert.Equal(29, StatsPeriods.Range(StatsPeriod.Month, new LocalDate(2028, 2, 10)).Length);
    }

    [Theory]
    [InlineData(StatsPeriod.Day, 2026, 11, 22)]
    [InlineData(StatsPeriod.Week, 2026, 11, 16)]
    [InlineData(StatsPeriod.Month, 2026, 10, 1)]
    [InlineData(StatsPeriod.Quarter, 2026, 7, 1)]
    public void Previous_IsThePeriodBefore(StatsPeriod period, int y, int m, int d)
    {
        Assert.Equal(new LocalDate(y, m, d), StatsPeriods.Previous(period, new LocalDate(2026, 11, 23)));
    }

    [Fact]
    public void DayOf_LocalMidnight_SplitsAtShanghaiNotUtc()
    {
        Assert.Equal(new LocalDate(2026, 11, 23), StatsPeriods.DayOf(Shanghai.At(2026, 11, 23, 23, 59)));
        Assert.Equal(new LocalDate(2026, 11, 24), StatsPeriods.DayOf(Shanghai.At(2026, 11, 24, 0, 1)));
        Assert.Equal(new LocalDate(2026, 11, 24), StatsPeriods.DayOf(Instant.FromUtc(2026, 11, 23, 16, 0))); // 00:00 +08:00
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 16, 0), StatsPeriods.StartOfDay(new LocalDate(2026, 11, 24)));
    }
}
