using System.Globalization;
using Bunit;
using Dispatch.Dashboard.Components;
using Dispatch.Dashboard.Live;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>The duty board's 24 h charts draw yesterday's same hours as a faint line, on the same scale as today's bars.</summary>
public sealed class ActivityChartTests : IDisposable
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 22, 1, 0);

    private readonly ComponentContext _context = new();

    public void Dispose() => _context.Dispose();

    private static IReadOnlyList<ActivityPoint> Day(Instant from, Func<int, int> whistles) =>
        Enumerable.Range(0, 24).Select(i => new ActivityPoint(from + Duration.FromHours(i), ActivityCounts.Zero with { Whistles = whistles(i) })).ToList();

    private IRenderedComponent<ActivityChart> Render(IReadOnlyList<ActivityPoint>? previous) => _context.Render<ActivityChart>(p => p
        .Add(c => c.Points, Day(Start + Duration.FromDays(1), i => i == 23 ? 2 : 0))
        .Add(c => c.Previous, previous)
        .Add(c => c.Value, c => c.Whistles)
        .Add(c => c.Title, "吹哨")
        .Add(c => c.Key, "whistles"));

    [Fact]
    public void Yesterday_IsALineOf24Points_ScaledWithToday_AndNamedInChinese()
    {
        var chart = Render(Day(Start, i => i == 10 ? 5 : i == 11 ? 1 : 0));

        Assert.Equal("2", chart.Find("figure").GetAttribute("data-total"));
        Assert.Equal("6", chart.Find("figure").GetAttribute("data-yesterday-total"));
        Assert.Equal("昨日 6", chart.Find(".chart-yesterday").TextContent);
        Assert.Equal("虚线：昨日同时段", chart.Find(".chart-yesterday").GetAttribute("title"));
        var points = chart.Find("polyline.yesterday").GetAttribute("points")!.Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(24, points.Count);
        // The scale's top is yesterday's 5 (higher than today's 2): the peak touches the top line, zero hours the axis.
        Assert.Equal("5", chart.Find("text.tick").TextContent);
        Assert.Equal(8, points[10][1]);
        Assert.Equal(104, points[0][1]);
        Assert.True(points[11][1] < points[12][1]);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First[0] < p.Second[0]), "left to right by hour");
    }

    [Fact]
    public void WithoutYesterday_NoLineNoLegend()
    {
        var chart = Render(null);
        Assert.Empty(chart.FindAll("polyline"));
        Assert.Empty(chart.FindAll(".chart-yesterday"));
        Assert.Equal("2", chart.Find("text.tick").TextContent);
    }
}
