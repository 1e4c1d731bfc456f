using Dispatch.LoadTests.Distributions;
using Dispatch.LoadTests.Reporting;

namespace Dispatch.LoadTests.Tests.Distributions;

public sealed class DelaySamplingTests
{
    private const int Samples = 20_000;

    private static double[] Draw(IDelayDistribution d, int seed = 42)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, Samples).Select(_ => d.Sample(random).TotalMilliseconds).ToArray();
        Array.Sort(values);
        return values;
    }

    [Fact]
    public void LogNormal_HitsItsMedianAndP99_AndStaysWithinZeroAndMax()
    {
        var d = (LogNormalDelay)DelayDistributionParser.Parse("lognormal:median=2s,p99=20s");
        var v = Draw(d);
        Assert.InRange(Percentiles.Of(v, 0.50), 1_900, 2_100);
        Assert.InRange(Percentiles.Of(v, 0.99), 17_000, 23_000);
        Assert.True(v[0] > 0, $"smallest sample {v[0]} ms should be positive");
        Assert.True(v[^1] <= d.Max.TotalMilliseconds, $"largest sample {v[^1]} ms should not exceed max {d.Max}");
    }

    [Fact]
    public void LogNormal_IsCutAtMax()
    {
        var d = DelayDistributionParser.Parse("lognormal:median=1s,p99=10s,max=10s");
        var v = Draw(d);
        Assert.Equal(10_000, v[^1]);
        Assert.InRange(v.Count(x => x >= 10_000), 50, 400); // about 1 %
    }

    [Fact]
    public void Uniform_StaysWithinBounds_AndCoversThem()
    {
        var v = Draw(DelayDistributionParser.Parse("uniform:min=1s,max=5s"));
        Assert.True(v[0] >= 1_000 && v[^1] <= 5_000, $"range {v[0]}..{v[^1]}");
        Assert.True(v[0] < 1_010 && v[^1] > 4_990, $"range {v[0]}..{v[^1]} should cover nearly all of 1..5 s");
        Assert.InRange(v.Average(), 2_950, 3_050);
    }

    [Fact]
    public void Exponential_HasItsMean_AndIsCut()
    {
        var v = Draw(DelayDistributionParser.Parse("exp:mean=3s,max=30s"));
        Assert.InRange(v.Average(), 2_850, 3_150);
        Assert.True(v[0] >= 0 && v[^1] <= 30_000, $"range {v[0]}..{v[^1]}");
    }

    [Fact]
    public void Constant_IsConstant()
    {
        var v = Draw(DelayDistributionParser.Parse("750ms"));
        Assert.All(v, x => Assert.Equal(750, x));
    }

    [Fact]
    public void SameSeed_SameSamples()
    {
        var d = DelayDistributionParser.Parse("lognormal:median=2s,p99=20s");
        Assert.Equal(Draw(d, seed: 7), Draw(d, seed: 7));
        Assert.NotEqual(Draw(d, seed: 7), Draw(d, seed: 8));
    }
}
