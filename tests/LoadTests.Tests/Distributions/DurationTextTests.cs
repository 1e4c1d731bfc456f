using Dispatch.LoadTests.Distributions;

namespace Dispatch.LoadTests.Tests.Distributions;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("150ms", 150)]
    [InlineData("2s", 2_000)]
    [InlineData("1.5m", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("0s", 0)]
    [InlineData(" 2S ", 2_000)]
    public void Parse_ReadsUnits(string text, double ms) => Assert.Equal(TimeSpan.FromMilliseconds(ms), DurationText.Parse(text));

    [Theory]
    [InlineData("2")]
    [InlineData("2d")]
    [InlineData("-1s")]
    [InlineData("s")]
    [InlineData("1e3ms")]
    public void Parse_RefusesWithAnExample(string text)
    {
        var e = Assert.Throws<FormatException>(() => DurationText.Parse(text));
        Assert.Contains("150ms, 2s, 1.5m or 1h", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_500, "1.5s")]
    [InlineData(120_000, "2m")]
    [InlineData(250, "250ms")]
    [InlineData(3_600_000, "1h")]
    public void Format_IsShort(double ms, string expected) => Assert.Equal(expected, DurationText.Format(TimeSpan.FromMilliseconds(ms)));
}
