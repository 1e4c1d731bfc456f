using Dispatch.Grains.Domain.Calendar;
using NodaTime;
using static Dispatch.Grains.Tests.Domain.Shanghai;

namespace Dispatch.Grains.Tests.Domain.Calendar;

public sealed class WorkingCalendarParseTests
{
    private const string File = "cal-under-test.json";

    [Fact]
    public void Parse_CustomWorkingHours_AreUsed()
    {
        var cal = WorkingCalendar.Parse(
            """{ "workingHours": [ { "from": "09:00", "to": "17:00" } ], "years": [ { "year": 2026, "holidays": [], "workingDays": [] } ] }""",
            File);

        Assert.True(cal.IsWithinWorkingHours(At(2026, 3, 2, 12, 30)));
        Assert.False(cal.IsWithinWorkingHours(At(2026, 3, 2, 8, 45)));
        Assert.Equal(At(2026, 3, 3, 10, 0), cal.AddWorkingTime(At(2026, 3, 2, 16, 0), Duration.FromHours(2)));
        Assert.Equal(At(2026, 3, 2, 17, 0), cal.EndOfWorkingDay(At(2026, 3, 2, 16, 0), 0));
    }

    [Fact]
    public void Parse_DateBothHolidayAndMakeUpDay_NamesFileEntryAndDate()
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse(
            """
            { "years": [ { "year": 2026,
                "holidays": [ { "name": "春节", "from": "2026-02-15", "to": "2026-02-23" } ],
                "workingDays": [ { "name": "oops", "date": "2026-02-21" } ] } ] }
            """, File));

        Assert.Equal("$.years[0].workingDays[0]", e.JsonPath);
        Assert.Equal("2026-02-21", e.EntryId);
        Assert.Contains(File, e.Message);
        Assert.Contains("$.years[0].workingDays[0]", e.Message);
        Assert.Contains("2026-02-21", e.Message);
        Assert.Contains("$.years[0].holidays[0]", e.Message);
    }

    [Fact]
    public void Parse_HolidayRangesOverlap_NamesSecondEntryAndDate()
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse(
            """
            { "years": [ { "year": 2025, "holidays": [
                { "from": "2025-10-01", "to": "2025-10-08" },
                { "from": "2025-10-06", "to": "2025-10-06" } ] } ] }
            """, File));

        Assert.Equal("$.years[0].holidays[1]", e.JsonPath);
        Assert.Equal("2025-10-06", e.EntryId);
        Assert.StartsWith(File + ": ", e.Message);
    }

    [Fact]
    public void Parse_MakeUpDayListedTwice_Throws()
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse(
            """{ "years": [ { "year": 2026, "workingDays": [ { "date": "2026-01-04" }, { "date": "2026-01-04" } ] } ] }""", File));

        Assert.Equal("$.years[0].workingDays[1]", e.JsonPath);
        Assert.Equal("2026-01-04", e.EntryId);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026/02/14")]
    [InlineData("tomorrow")]
    public void Parse_BadDate_NamesFileAndPath(string date)
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse(
            $$"""{ "years": [ { "year": 2026, "workingDays": [ { "date": "2026-01-04" }, { "date": "{{date}}" } ] } ] }""", File));

        Assert.Equal("$.years[0].workingDays[1].date", e.JsonPath);
        Assert.Contains(date, e.Message);
        Assert.Contains(File, e.Message);
    }

    [Fact]
    public void Parse_MakeUpDayOnWeekday_Throws()
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse(
            """{ "years": [ { "year": 2026, "workingDays": [ { "date": "2026-01-05" } ] } ] }""", File));

        Assert.Equal("2026-01-05", e.EntryId);
        Assert.Contains("Monday", e.Message);
    }

    [Fact]
    public void Parse_HolidayRangeReversed_Throws()
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse(
            """{ "years": [ { "year": 2026, "holidays": [ { "from": "2026-02-23", "to": "2026-02-15" } ] } ] }""", File));

        Assert.Equal("$.years[0].holidays[0].to", e.JsonPath);
    }

    [Fact]
    public void Parse_OverlappingWorkingHours_Throws()
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse(
            """{ "workingHours": [ { "from": "08:30", "to": "12:00" }, { "from": "11:00", "to": "17:00" } ], "years": [] }""", File));

        Assert.Equal("$.workingHours[1]", e.JsonPath);
        Assert.Equal("11:00-17:00", e.EntryId);
    }

    [Fact]
    public void Parse_YearListedTwice_Throws()
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse(
            """{ "years": [ { "year": 2026 }, { "year": 2026 } ] }""", File));

        Assert.Equal("$.years[1].year", e.JsonPath);
    }

    [Fact]
    public void Parse_UnknownProperty_Throws()
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse(
            """{ "years": [ { "year": 2026, "holiday": [] } ] }""", File));

        Assert.Equal("$.years[0].holiday", e.JsonPath);
    }

    [Fact]
    public void Parse_InvalidJson_ReportsLine()
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse("{\n  \"years\": [ \n", File));

        Assert.Contains(File, e.Message);
        Assert.Contains("line", e.Message);
    }

    [Fact]
    public void Parse_UnknownTimeZone_Throws()
    {
        var e = Assert.Throws<CalendarFileException>(() => WorkingCalendar.Parse("""{ "timeZone": "Mars/Olympus", "years": [] }""", File));

        Assert.Equal("$.timeZone", e.JsonPath);
        Assert.Equal("Mars/Olympus", e.EntryId);
    }
}
