using Dispatch.Grains.Interfaces.Model;
using Dispatch.LoadTests.Scenario;

namespace Dispatch.LoadTests.Tests.Scenario;

public sealed class MixParserTests
{
    [Fact]
    public void Parse_NormalisesWeights_AndIgnoresCaseAndPercentSigns()
    {
        var mix = MixParser.Parse("Blue=70%, orange=20%,RED=10%", SurgeOptionsParser.RiskNames, "risk");
        Assert.Equal([RiskColour.Blue, RiskColour.Orange, RiskColour.Red], mix.Weights.Select(w => w.Key));
        Assert.Equal([0.7, 0.2, 0.1], mix.Weights.Select(w => Math.Round(w.Value, 9)));
    }

    [Fact]
    public void Sample_FollowsTheWeights()
    {
        var mix = MixParser.Parse("neighbourDispute=3,wageArrears=1", SurgeOptionsParser.CategoryNames, "category");
        var random = new Random(1);
        var draws = Enumerable.Range(0, 40_000).Select(_ => mix.Sample(random)).ToList();
        Assert.All(draws, c => Assert.Contains(c, new[] { Category.NeighbourDispute, Category.WageArrears }));
        Assert.InRange(draws.Count(c => c == Category.NeighbourDispute) / 40_000.0, 0.74, 0.76);
    }

    [Theory]
    [InlineData("purple=1", "unknown risk 'purple'; known: blue, orange, red")]
    [InlineData("blue=0", "the weight of 'blue' must be a positive number, not '0'")]
    [InlineData("blue=-1", "must be a positive number")]
    [InlineData("blue=x", "must be a positive number")]
    [InlineData("blue", "'blue' is not name=weight")]
    [InlineData("blue=1,Blue=2", "'Blue' is given twice")]
    [InlineData("blue=1,", "an empty entry")]
    public void Parse_Errors_AreClear(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => MixParser.Parse(text, SurgeOptionsParser.RiskNames, "risk"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Bad risk mix '{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CategoryNames_AreTheApiSpellings()
    {
        Assert.Equal(Category.NeighbourDispute, SurgeOptionsParser.CategoryNames["neighbourDispute"]);
        Assert.Equal(Category.LandHomestead, SurgeOptionsParser.CategoryNames["landHomestead"]);
        Assert.Equal(Enum.GetValues<Category>().Length, SurgeOptionsParser.CategoryNames.Count);
    }
}
