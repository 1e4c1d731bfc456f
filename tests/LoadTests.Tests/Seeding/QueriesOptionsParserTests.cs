using Dispatch.LoadTests.Queries;

namespace Dispatch.LoadTests.Tests.Seeding;

public sealed class QueriesOptionsParserTests
{
    [Fact]
    public void Defaults_AreTenThousand_AHundredThousand_AndAMillion_OnAThrowawayCluster()
    {
        var o = QueriesOptionsParser.Parse(new QueriesArguments(), out var errors);
        Assert.True(o is not null, string.Join("; ", errors));
        Assert.Equal([10_000, 100_000, 1_000_000], o.Sizes);
        Assert.Null(o.Postgres);
        Assert.True(o.Sql);
        Assert.Equal(200, o.Repetitions);
    }

    [Fact]
    public void Sizes_AreSortedAndDistinct_UnderscoresAllowed()
    {
        var o = QueriesOptionsParser.Parse(new QueriesArguments { Sizes = "1_000_000, 10000,10000" }, out _)!;
        Assert.Equal([10_000, 1_000_000], o.Sizes);
    }

    [Theory]
    [InlineData("10k", "--sizes: '10k' is not a case count")]
    [InlineData("0", "--sizes: '0' is not a case count")]
    [InlineData("", "--sizes: '' is not a case count")]
    public void BadSizes_AreNamed(string sizes, string expected)
    {
        Assert.Null(QueriesOptionsParser.Parse(new QueriesArguments { Sizes = sizes }, out var errors));
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBadOption_IsNamed()
    {
        Assert.Null(QueriesOptionsParser.Parse(new QueriesArguments { Repetitions = 1, Warmup = -1, ReportRepetitions = -2, Keep = true, Years = 30 },
            out var errors));
        Assert.Contains(errors, e => e.StartsWith("--repetitions must be 2 to 100,000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--warmup must be 0 to 100,000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--report-repetitions must be 0 to 1,000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--keep needs --postgres", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--years must be above 0 and at most 20", StringComparison.Ordinal));
    }

    [Fact]
    public void Growth_ComparesTheSmallestAndLargestSize_WithLogN()
    {
        static ReadTiming Read(string name, double p99) => new(name, "GET /x", 100, p99 / 2, p99, p99, null, null);
        static SizeResult Size(int cases, params ReadTiming[] http) => new(cases, null!, null!, http, [], [], null);
        var growth = QueriesReport.GrowthOf([
            Size(10_000, Read("a", 10), Read("b", 10), Read("c", 1)),
            Size(1_000_000, Read("a", 14), Read("b", 40), Read("c", 4)),
        ]);
        Assert.Equal(1.5, growth[0].LogRatio, 6);
        Assert.True(growth.Single(g => g.Read == "a").WithinLogN);
        Assert.False(growth.Single(g => g.Read == "b").WithinLogN);
        Assert.True(growth.Single(g => g.Read == "c").WithinLogN);
        Assert.True(growth.Single(g => g.Read == "b").MeetsGoal);
    }
}
