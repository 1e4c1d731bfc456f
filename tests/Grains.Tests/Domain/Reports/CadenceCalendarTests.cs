using Dispatch.Grains.Domain.Reports;
using Dispatch.Grains.Interfaces.Reports;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Reports;

public sealed class CadenceCalendarTests
{
    [Theory]
    [InlineData(ReportKind.Daily, 2026, 11, 25, 2026, 11, 26)]
    [InlineData(ReportKind.Weekly, 2026, 11, 23, 2026, 11, 30)]
    [InlineData(ReportKind.Monthly, 2026, 11, 1, 2026, 12, 1)]
    [InlineData(ReportKind.Quarterly, 2026, 10, 1, 2027, 1, 1)]
    public void PeriodStartAndDueAt_OfWednesday20261125_AreTheRunningPeriodAndItsEndAtLocalMidnight(ReportKind kind, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var start = CadenceCalendar.PeriodStart(kind, new LocalDate(2026, 11, 25));

        Assert.Equal(new LocalDate(y1, m1, d1), start);
        Assert.Equal(Shanghai.At(y2, m2, d2), CadenceCalendar.DueAt(kind, start));
    }

    [Fact]
    public void ReportId_IsAValidUrlSafeId()
    {
        var id = CadenceCalendar.ReportId("tc-a", ReportKind.Quarterly, new LocalDate(2026, 10, 1));

        Assert.Equal("tc-a.quarterly.2026-10-01", id);
        Assert.True(Grains.Domain.Identifiers.Ids.IsValid(id));
    }

    [Fact]
    public void Title_IsTheChineseNameOfEachCadence()
    {
        Assert.Equal(["日调度表", "周分析报告", "月研判报告", "季考评报告"], CadenceCalendar.Kinds.Select(CadenceCalendar.Title));
    }
}
