using Dispatch.LoadTests.Reporting;
using Spectre.Console;

namespace Dispatch.LoadTests.Tests.Reporting;

public sealed class ReportWritersTests
{
    [Fact]
    public void Html_IsSelfContained_WithSvgCharts()
    {
        var html = HtmlReportWriter.Render(SampleReport.Create());

        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.True(html.Split("<svg").Length - 1 >= 5, "expected the lateness, throughput, p99, CPU and memory charts");
        Assert.Contains("PASSED", html, StringComparison.Ordinal);
        Assert.Contains("测试市", html, StringComparison.Ordinal);
        foreach (var external in new[] { "<script", "<link", "src=", "url(", "https://", "@import" })
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        // The only http:// is the SVG namespace, which is a name, not a fetch.
        Assert.Equal(html.Split("http://").Length - 1, html.Split("http://www.w3.org/2000/svg").Length - 1 + html.Split("http://127.0.0.1:5000/").Length - 1);
    }

    [Fact]
    public void Html_EscapesText()
    {
        var html = HtmlReportWriter.Render(SampleReport.Create(cityName: "<img onerror=alert(1)>"));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("a note &lt;b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ListsLostWhistles_AndSaysFailed()
    {
        var report = SampleReport.Create(lose: true);
        var html = HtmlReportWriter.Render(report);
        Assert.False(report.Passed);
        Assert.Contains("FAILED", html, StringComparison.Ordinal);
        Assert.Contains("Lost whistles", html, StringComparison.Ordinal);
        Assert.Contains("c3-s2", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_ShowTheMiss()
    {
        var report = SampleReport.Create();
        var throughput = report.Targets.Single(t => t.Name.StartsWith("throughput", StringComparison.Ordinal));
        Assert.False(throughput.Met);
        Assert.True(throughput.MissPercent > 90, $"2 whistles/s against 166.7/s misses by ~99 %, not {throughput.MissPercent}");
        Assert.Contains("this run offered only 2/s", throughput.Note, StringComparison.Ordinal);
        Assert.True(report.Targets.Single(t => t.Name == "lost").Met);
        var memory = report.Targets.Single(t => t.Name == "memory per idle open case");
        Assert.Equal("1536 KB", memory.Measured); // 30 MB over 20 open cases
        Assert.False(memory.Met);
    }

    [Fact]
    public void MemoryPerCase_IsNotMeasured_WhenResidentMemoryShrank()
    {
        var report = SampleReport.Create(rssAfterDrain: 150 << 20);
        Assert.Null(report.Resources.MemoryPerOpenCaseBytes);
        var memory = report.Targets.Single(t => t.Name == "memory per idle open case");
        Assert.Null(memory.Met);
        Assert.Contains("did not grow", memory.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var report = SampleReport.Create();
        var json = JsonReportWriter.Render(report);
        Assert.Contains("\"passed\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"whistleAccepted\"", json, StringComparison.Ordinal);
        var back = JsonReportWriter.Parse(json)!;
        Assert.Equal(report.Counts, back.Counts);
        Assert.Equal(report.Latencies["summonsVisible"], back.Latencies["summonsVisible"]);
        Assert.Equal(report.Targets, back.Targets);
    }

    [Fact]
    public void Console_ShowsTargetsAndVerdict()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        ConsoleReportWriter.Write(console, SampleReport.Create(), "/tmp/r");
        var text = output.ToString();
        Assert.Contains("p99 whistle accepted", text, StringComparison.Ordinal);
        Assert.Contains("PASSED", text, StringComparison.Ordinal);
        Assert.Contains("surge-report.html", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.3, 0.5)]
    [InlineData(7, 10)]
    [InlineData(10, 10)]
    [InlineData(101, 200)]
    [InlineData(4_200, 5_000)]
    public void NiceCeiling(double value, double expected) => Assert.Equal(expected, SvgChart.NiceCeiling(value), precision: 9);
}
