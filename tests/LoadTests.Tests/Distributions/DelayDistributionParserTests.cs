using Dispatch.LoadTests.Distributions;

namespace Dispatch.LoadTests.Tests.Distributions;

public sealed class DelayDistributionParserTests
{
    [Fact]
    public void Parse_BareDuration_IsConstant()
    {
        Assert.Equal(new ConstantDelay(TimeSpan.FromSeconds(2)), DelayDistributionParser.Parse("2s"));
        Assert.Equal(new ConstantDelay(TimeSpan.FromMilliseconds(150)), DelayDistributionParser.Parse("constant:150ms"));
        Assert.Equal(new ConstantDelay(TimeSpan.FromMinutes(1.5)), DelayDistributionParser.Parse("constant:value=1.5m"));
    }

    [Fact]
    public void Parse_Uniform()
    {
        Assert.Equal(new UniformDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)), DelayDistributionParser.Parse("uniform:min=1s,max=5s"));
    }

    [Fact]
    public void Parse_Exponential_DefaultsMaxToTwentyMeans()
    {
        Assert.Equal(new ExponentialDelay(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60)), DelayDistributionParser.Parse("exp:mean=3s"));
        Assert.Equal(new ExponentialDelay(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10)), DelayDistributionParser.Parse("exponential:mean=3s,max=10s"));
    }

    [Fact]
    public void Parse_LogNormal_IsCaseAndSpaceTolerant_AndDefaultsMaxToTenP99()
    {
        var d = Assert.IsType<LogNormalDelay>(DelayDistributionParser.Parse(" LogNormal: median = 2s , P99=20s "));
        Assert.Equal(TimeSpan.FromSeconds(2), d.Median);
        Assert.Equal(TimeSpan.FromSeconds(20), d.P99);
        Assert.Equal(TimeSpan.FromSeconds(200), d.Max);
    }

    [Fact]
    public void Describe_ReadsBack()
    {
        foreach (var text in new[] { "2s", "uniform:min=1s,max=5s", "exp:mean=3s", "lognormal:median=2s,p99=20s,max=3m" })
        {
            var d = DelayDistributionParser.Parse(text);
            Assert.Equal(d, DelayDistributionParser.Parse(d.Describe()));
        }
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("gamma:k=2", "unknown distribution 'gamma'; use constant, uniform, exp or lognormal")]
    [InlineData("lognormal:median=2s", "lognormal needs p99")]
    [InlineData("lognormal:median=2s,p99=1s", "p99 (1s) must be above the median (2s)")]
    [InlineData("lognormal:median=2s,p99=20s,max=10s", "max (10s) is below p99 (20s)")]
    [InlineData("lognormal:median=2,p99=20s", "median: Not a duration: '2'")]
    [InlineData("lognormal:median=2s,p95=20s", "lognormal takes median, p99, max, not 'p95'")]
    [InlineData("uniform:min=5s,max=1s", "max (1s) is below min (5s)")]
    [InlineData("uniform:min=1s,min=2s,max=3s", "'min' is given twice")]
    [InlineData("uniform:min=1s,,max=3s", "an empty parameter")]
    [InlineData("exp:mean=0s", "mean must be above zero")]
    [InlineData("exp:3s", "'3s' is not key=value")]
    [InlineData("soon", "'soon' is neither a duration nor a distribution name")]
    [InlineData("-2s", "'-2s' is neither a duration nor a distribution name")]
    public void Parse_Errors_SayWhatIsWrong_AndShowTheSyntax(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => DelayDistributionParser.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(DelayDistributionParser.Syntax, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Bad delay distribution '{text}'", e.Message, StringComparison.Ordinal);
    }
}
