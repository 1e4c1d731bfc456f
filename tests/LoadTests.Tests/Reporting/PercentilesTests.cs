using Dispatch.LoadTests.Reporting;

namespace Dispatch.LoadTests.Tests.Reporting;

public sealed class PercentilesTests
{
    private static readonly double[] OneToHundred = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.01, 1)]
    [InlineData(0.5, 50)]
    [InlineData(0.95, 95)]
    [InlineData(0.99, 99)]
    [InlineData(0.991, 100)]
    [InlineData(1.0, 100)]
    public void Of_IsNearestRank(double q, double expected) => Assert.Equal(expected, Percentiles.Of(OneToHundred, q));

    [Fact]
    public void Of_SmallSamples()
    {
        Assert.Equal(7, Percentiles.Of([7.0], 0.99));
        Assert.Equal(2, Percentiles.Of([1.0, 2.0], 0.5 + 1e-9));
        Assert.Equal(1, Percentiles.Of([1.0, 2.0], 0.5));
        Assert.True(double.IsNaN(Percentiles.Of([], 0.5)));
    }

    [Fact]
    public void Of_RefusesAQuantileOutsideZeroToOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(OneToHundred, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(OneToHundred, -0.1));
    }

    [Fact]
    public void LatencySummary_Of()
    {
        var s = LatencySummary.Of(OneToHundred);
        Assert.Equal(new LatencySummary(100, 50, 95, 99, 100, 50.5), s);
        Assert.Equal(LatencySummary.Empty, LatencySummary.Of([]));
    }

    [Theory]
    [InlineData(25, 20, true, 25)]
    [InlineData(15, 20, true, 0)]
    [InlineData(100, 166.666, false, 40)]
    [InlineData(200, 166.666, false, 0)]
    public void Miss_IsPerCentOfTheTarget(double value, double limit, bool upper, double expected) =>
        Assert.Equal(expected, Targets.Miss(value, limit, upper), precision: 1);
}
