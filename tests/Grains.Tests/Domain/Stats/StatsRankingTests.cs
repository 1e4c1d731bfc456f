using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Stats;

public sealed class StatsRankingTests
{
    private static StatsView Row(string scope, double? onTime, double? completion, double? satisfaction) =>
        new(scope, StatsPeriod.Week, new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 29), 0, 0, 0, completion, 0, 0, onTime, null, null, 0, 0,
            satisfaction, null);

    private static IEnumerable<string> Order(params StatsView[] rows) => StatsRanking.Order(rows).Select(r => r.Scope);

    [Fact]
    public void Order_OnTimeAckRateFirst_HigherIsBetter()
    {
        Assert.Equal(["b", "a", "c"], Order(Row("a", 0.5, 1, 5), Row("b", 0.9, 0, 1), Row("c", 0.1, 1, 5)));
    }

    [Fact]
    public void Order_TiedOnTime_ThenCompletionRate()
    {
        Assert.Equal(["b", "a"], Order(Row("a", 0.5, 0.2, 5), Row("b", 0.5, 0.8, 1)));
    }

    [Fact]
    public void Order_TiedOnTimeAndCompletion_ThenMeanSatisfaction()
    {
        Assert.Equal(["b", "a"], Order(Row("a", 0.5, 0.8, 3.5), Row("b", 0.5, 0.8, 4.25)));
    }

    [Fact]
    public void Order_FullTie_ByOrdinalId()
    {
        Assert.Equal(["B", "a", "b"], Order(Row("b", 1, 1, 5), Row("a", 1, 1, 5), Row("B", 1, 1, 5)));
    }

    [Fact]
    public void Order_NoData_AfterAnyValueEvenZero()
    {
        Assert.Equal(["zero", "none"], Order(Row("none", null, 1, 5), Row("zero", 0, 0, 1)));
        Assert.Equal(["zero", "none"], Order(Row("none", 0.5, null, 5), Row("zero", 0.5, 0, 1)));
        Assert.Equal(["x", "y", "z"], Order(Row("z", null, null, null), Row("y", null, null, null), Row("x", null, null, null)));
    }

    [Fact]
    public void Compare_IsAntisymmetric()
    {
        var a = Row("a", 0.5, null, 4);
        var b = Row("b", 0.5, 0.1, null);
        Assert.Equal(-Math.Sign(StatsRanking.Instance.Compare(b, a)), Math.Sign(StatsRanking.Instance.Compare(a, b)));
        Assert.Equal(0, StatsRanking.Instance.Compare(a, a with { }));
    }
}
