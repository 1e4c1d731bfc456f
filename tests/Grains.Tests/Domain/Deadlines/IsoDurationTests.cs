using Dispatch.Grains.Domain.Deadlines;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Deadlines;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("PT30M", 30 * 60)]
    [InlineData("PT1H30M", 90 * 60)]
    [InlineData("PT90M", 90 * 60)]
    [InlineData("PT1S", 1)]
    [InlineData("PT0S", 0)]
    [InlineData("P1D", 24 * 3600)]
    [InlineData("P1W", 7 * 24 * 3600)]
    [InlineData("P1DT2H", 26 * 3600)]
    public void TryParse_Valid(string text, long seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(Duration.FromSeconds(seconds), duration);
    }

    [Fact]
    public void TryParse_FractionalSeconds() =>
        Assert.True(IsoDuration.TryParse("PT0.5S", out var d) && d == Duration.FromMilliseconds(500));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("PT")]
    [InlineData("30M")]
    [InlineData("pt30m")]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("-PT1M")]
    [InlineData("PT-1M")]
    [InlineData("P1DT-1H")]
    [InlineData("PT1000000000000H")]
    public void TryParse_Rejected(string? text) =>
        Assert.False(IsoDuration.TryParse(text, out _), $"'{text}' should be rejected");

    [Theory]
    [InlineData(30 * 60, "PT30M")]
    [InlineData(90 * 60, "PT1H30M")]
    [InlineData(36 * 3600, "P1DT12H")]
    [InlineData(0, "P0D")]
    public void Format_Normalizes(long seconds, string expected) =>
        Assert.Equal(expected, IsoDuration.Format(Duration.FromSeconds(seconds)));

    [Fact]
    public void Format_RoundTripsThroughTryParse()
    {
        foreach (var d in new[] { Duration.FromMilliseconds(1500), Duration.FromSeconds(1), Duration.FromDays(3) + Duration.FromNanoseconds(7), Duration.FromHours(49) })
        {
            Assert.True(IsoDuration.TryParse(IsoDuration.Format(d), out var back));
            Assert.Equal(d, back);
        }
    }

    [Fact]
    public void Format_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IsoDuration.Format(Duration.FromSeconds(-1)));

    [Fact]
    public void Minimum_IsOneSecond() => Assert.Equal(Duration.FromSeconds(1), IsoDuration.Minimum);
}
