using System.Text.RegularExpressions;
using Bunit;
using Dispatch.Dashboard.Components;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>A statistics figure shows its change against the previous period: ↑/↓ with the delta, better or worse.</summary>
public sealed partial class StatTileTests : IDisposable
{
    private readonly ComponentContext _context = new();

    public void Dispose() => _context.Dispose();

    private IRenderedComponent<StatTile> Render(StatTrend? trend, string delta, bool higherIsBetter = true) =>
        _context.Render<StatTile>(p => p
            .Add(c => c.Key, "escalations")
            .Add(c => c.Label, "升级数")
            .Add(c => c.Value, "7")
            .Add(c => c.Trend, trend)
            .Add(c => c.Delta, delta)
            .Add(c => c.HigherIsBetter, higherIsBetter));

    [Fact]
    public void Up_WhenLowerIsBetter_IsWorse_WithArrowAndDelta()
    {
        var tile = Render(StatTrend.Of(7, 4), "3", higherIsBetter: false);
        var trend = tile.Find(".stat-trend");
        Assert.Equal("↑ 3", trend.TextContent.Trim());
        Assert.Equal("up", trend.GetAttribute("data-trend"));
        Assert.Contains("trend-worse", trend.ClassName);
        Assert.Equal("较上期", trend.GetAttribute("title"));
        Assert.Equal("7", tile.Find(".counter-value").TextContent);
    }

    [Fact]
    public void Down_WhenHigherIsBetter_IsWorse_AndDownWhenLowerIsBetter_IsBetter()
    {
        var worse = Render(StatTrend.Of(60, 85), "25 个百分点").Find(".stat-trend");
        Assert.Equal("↓ 25 个百分点", worse.TextContent.Trim());
        Assert.Contains("trend-worse", worse.ClassName);
        var better = Render(StatTrend.Of(2, 5), "3", higherIsBetter: false).Find(".stat-trend");
        Assert.Contains("trend-better", better.ClassName);
    }

    [Fact]
    public void Flat_None_AndNoPreviousPeriod_ReadInChinese()
    {
        Assert.Equal("→ 持平", Render(StatTrend.Of(3, 3), "0").Find(".stat-trend").TextContent.Trim());
        var none = Render(StatTrend.Of(0.5, null), "0").Find(".stat-trend");
        Assert.Equal("上期无数据", none.TextContent.Trim());
        Assert.DoesNotContain("trend-better", none.ClassName);
        Assert.DoesNotContain("trend-worse", none.ClassName);
        Assert.Empty(Render(null, "").FindAll(".stat-trend"));
    }

    [Fact]
    public void English_FlatReadsInEnglish()
    {
        using var english = new ComponentContext("en");
        var tile = english.Render<StatTile>(p => p.Add(c => c.Key, "k").Add(c => c.Label, "Escalations").Add(c => c.Value, "3")
            .Add(c => c.Trend, StatTrend.Of(3, 3)));
        Assert.Equal("→ no change", tile.Find(".stat-trend").TextContent.Trim());
    }

    [Theory]
    [InlineData(72 * 60, "1 小时 12 分")]
    [InlineData(60 * 60, "1 小时")]
    [InlineData(3 * 60 + 5, "3 分 5 秒")]
    [InlineData(42, "42 秒")]
    [InlineData(0, "0 秒")]
    [InlineData(2 * 86_400 + 4 * 3_600 + 59, "2 天 4 小时")]
    [InlineData(-90, "1 分 30 秒")]
    public void Spans_ReadAsWords(long seconds, string expected)
    {
        Assert.Equal(expected, Formats.ReadableChinese(Duration.FromSeconds(seconds)));
        Assert.Empty(Latin().Matches(Formats.ReadableChinese(Duration.FromSeconds(seconds))));
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
