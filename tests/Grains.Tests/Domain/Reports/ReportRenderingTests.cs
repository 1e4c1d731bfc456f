using Dispatch.Grains.Domain.Reports;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Reports;

public sealed class ReportRenderingTests
{
    private static StatsView View(string scope, int accepted, double? onTime) =>
        new(scope, StatsPeriod.Week, new(2026, 11, 23), new(2026, 11, 29), accepted, 3, 2, 0.5, 4, 3, onTime, Duration.FromMinutes(12),
            Duration.FromHours(1) + Duration.FromMinutes(30), 1, 2, 4.5, 1);

    private static CadenceReport Report(IReadOnlyList<CaseSummary>? attention = null) => new(
        new ReportHeader("tc-a.weekly.2026-11-23", "tc-a", ReportKind.Weekly, new(2026, 11, 23), new(2026, 11, 29), Shanghai.At(2026, 11, 30)),
        View("tc-a", 6, 0.75),
        View("tc-a", 4, null) with { From = new(2026, 11, 16), To = new(2026, 11, 22) },
        [View("tc-a-t1", 4, 1), View("tc-a-t2", 2, 0.5)],
        [View("tc-a-t1-pol", 3, 1)],
        attention ?? [],
        new Dictionary<string, string> { ["tc-a"] = "甲区", ["tc-a-t1"] = "东街道", ["tc-a-t2"] = "西<街>道&", ["tc-a-t1-pol"] = "东街, \"派出所\"" });

    [Fact]
    public void Html_IsOneSelfContainedPageWithChineseHeadings()
    {
        var html = ReportHtml.Render(Report());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.Contains("<h1>甲区周分析报告</h1>", html);
        Assert.Contains("统计周期：2026年11月23日 至 2026年11月29日", html);
        Assert.Contains("生成时间：2026-11-30 00:00", html);
        foreach (var heading in new[] { "一、总体情况", "二、乡镇（街道）排名", "三、部门排名", "四、需督办事件（超期或已升级）" })
        {
            Assert.Contains($"<h2>{heading}</h2>", html);
        }
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
        Assert.EndsWith("</html>\n", html);
    }

    [Fact]
    public void Html_WritesValuesForPeople()
    {
        var html = ReportHtml.Render(Report());

        Assert.Contains("<tr><td class=\"name\">按时签收率</td><td>75.0%</td><td>—</td></tr>", html);
        Assert.Contains("<tr><td class=\"name\">报到用时中位数</td><td>1小时30分钟</td><td>1小时30分钟</td></tr>", html);
        Assert.Contains("<td>1</td><td class=\"name\">东街道</td>", html);
        Assert.Contains("<td>2</td><td class=\"name\">西&lt;街&gt;道&amp;</td>", html);
    }

    [Fact]
    public void Html_ListsCasesNeedingSupervision()
    {
        var c = new CaseSummary("C-9", "tc-a-t1-g1", "tc-a-t1", "tc-a", CenterLevel.County, Category.WageArrears, CaseTier.Complex, RiskColour.Orange,
            CaseState.InProgress, "<欠薪>", Shanghai.At(2026, 11, 2, 9, 0), Shanghai.At(2026, 11, 28, 17, 30), 1, 2, "王建军", 5);

        var html = ReportHtml.Render(Report([c]));

        Assert.Contains("<td class=\"name\">C-9</td><td class=\"name\">东街道</td><td class=\"name\">欠薪</td><td>复杂</td><td>橙</td>" +
            "<td>2026-11-02 09:00</td><td>2026-11-28 17:30</td><td class=\"name\">甲区</td><td>2</td><td class=\"name\">王建军</td>", html);
        Assert.DoesNotContain("无需督办事件", html);
    }

    [Fact]
    public void Csv_StartsWithByteOrderMarkAndHasOneRowPerStatistic()
    {
        var lines = ReportCsv.Render(Report()).Split("\r\n");

        Assert.Equal('\uFEFF', lines[0][0]);
        Assert.Equal("\uFEFFsection,rank,name,scope,period,from,to,accepted,resolved,closed,completionRate,summoned,ackedOnTime,onTimeAckRate," +
            "medianAck,medianArrive,escalations,followUps,meanSatisfaction,satisfiedRate,reopened,repeats,repeatRate", lines[0]);
        Assert.Equal("county,,甲区,tc-a,week,2026-11-23,2026-11-29,6,3,2,0.5,4,3,0.75,PT12M,PT1H30M,1,2,4.5,1,0,0,", lines[1]);
        Assert.StartsWith("previous,,甲区,tc-a,week,2026-11-16,2026-11-22,4,", lines[2]);
        Assert.StartsWith("township,1,东街道,tc-a-t1,", lines[3]);
        Assert.StartsWith("township,2,西<街>道&,tc-a-t2,", lines[4]);
        Assert.StartsWith("department,1,\"东街, \"\"派出所\"\"\",tc-a-t1-pol,", lines[5]);
        Assert.Equal(7, lines.Length);
        Assert.Equal("", lines[6]); // the text ends with a line end
    }

    [Theory]
    [InlineData(0, "0秒")]
    [InlineData(45, "45秒")]
    [InlineData(13 * 60, "13分钟")]
    [InlineData(90 * 60 + 5, "1小时30分钟")]
    [InlineData(3600, "1小时")]
    [InlineData(26 * 3600 + 60, "1天2小时")]
    [InlineData(86400 + 59, "1天")]
    public void Span_ShowsTheTwoLargestUnits(int seconds, string text) => Assert.Equal(text, ReportText.Span(Duration.FromSeconds(seconds)));

    [Fact]
    public void Text_MissingValues_AreADash()
    {
        Assert.Equal(("—", "—", "—"), (ReportText.Span(null), ReportText.Percent(null), ReportText.Score(null)));
        Assert.Equal(("93.6%", "4.33"), (ReportText.Percent(0.9364), ReportText.Score(13 / 3.0)));
    }
}
