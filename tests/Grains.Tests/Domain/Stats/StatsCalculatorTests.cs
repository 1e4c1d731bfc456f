using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.Stats;

public sealed class StatsCalculatorTests
{
    private static Duration Min(int minutes) => Duration.FromMinutes(minutes);

    [Fact]
    public void Median_OddCount_IsTheMiddleValue() => Assert.Equal(Min(5), StatsCalculator.Median([Min(9), Min(1), Min(5)]));

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheTwoMiddleValues() => Assert.Equal(Min(4), StatsCalculator.Median([Min(9), Min(1), Min(3), Min(5)]));

    [Fact]
    public void Median_Empty_IsNull() => Assert.Null(StatsCalculator.Median([]));

    [Fact]
    public void Sum_AddsCountsAndConcatenatesSpans()
    {
        var a = StatsTotals.Empty with { Accepted = 2, AckTimes = [Min(1)], SatisfactionSum = 9, FollowUps = 2 };
        var b = StatsTotals.Empty with { Accepted = 1, AckTimes = [Min(3), Min(2)], Escalations = 4 };

        var sum = StatsCalculator.Sum([a, b, StatsTotals.Empty]);

        Assert.Equal(StatsTotals.Empty with { Accepted = 3, AckTimes = [Min(1), Min(3), Min(2)], SatisfactionSum = 9, FollowUps = 2, Escalations = 4 }, sum);
    }

    [Fact]
    public void ToView_ComputesRatesMediansAndMeans()
    {
        var totals = new StatsTotals(4, 3, 2, 1, 5, 4, [Min(10), Min(20)], [Min(30)], 2, 3, 12, 2);
        var dates = new DateInterval(new(2026, 11, 1), new(2026, 11, 30));

        var view = StatsCalculator.ToView("tc-a", StatsPeriod.Month, dates, totals);

        Assert.Equal(new StatsView("tc-a", StatsPeriod.Month, new(2026, 11, 1), new(2026, 11, 30), 4, 2, 1, 0.75, 5, 4, 0.8, Min(15), Min(30), 2, 3,
            4.0, 2 / 3.0) { RepeatRate = 0.0 }, view);
    }

    [Fact]
    public void ToView_NothingToDivideBy_LeavesRatesAndMediansNull()
    {
        var view = StatsCalculator.ToView("tc", StatsPeriod.Day, new DateInterval(new(2026, 11, 1), new(2026, 11, 1)), StatsTotals.Empty);

        Assert.Equal((null, null, null, null, null, null), (view.CompletionRate, view.OnTimeAckRate, view.MedianAck, view.MedianArrive,
            view.MeanSatisfaction, view.SatisfiedRate));
    }

    [Fact]
    public void Totals_EqualityComparesSpansByValue()
    {
        Assert.Equal(StatsTotals.Empty with { AckTimes = [Min(1)] }, StatsTotals.Empty with { AckTimes = new List<Duration> { Min(1) } });
        Assert.NotEqual(StatsTotals.Empty with { AckTimes = [Min(1)] }, StatsTotals.Empty with { ArriveTimes = [Min(1)] });
        Assert.True(StatsTotals.Empty.IsEmpty);
        Assert.False((StatsTotals.Empty with { Closed = 1 }).IsEmpty);
    }
}
