using Dispatch.LoadTests.Scenario;

namespace Dispatch.LoadTests.Tests.Scenario;

public sealed class ArrivalScheduleTests
{
    [Fact]
    public void Uniform_IsEvenlySpaced()
    {
        var offsets = ArrivalSchedule.OffsetsSeconds(4, 2, ArrivalPattern.Uniform, new Random(1));
        Assert.Equal([0, 0.5, 1, 1.5], offsets);
    }

    [Fact]
    public void Poisson_IsSortedWithinTheWindow_AndSpreadOverIt()
    {
        var offsets = ArrivalSchedule.OffsetsSeconds(10_000, 60, ArrivalPattern.Poisson, new Random(3));
        Assert.Equal(10_000, offsets.Length);
        Assert.True(offsets.SequenceEqual(offsets.Order()), "offsets should ascend");
        Assert.True(offsets[0] >= 0 && offsets[^1] < 60, $"range {offsets[0]}..{offsets[^1]}");
        // Each 10-second slice gets about a sixth.
        for (var s = 0; s < 60; s += 10)
            Assert.InRange(offsets.Count(o => o >= s && o < s + 10), 1_500, 1_833);
    }

    [Fact]
    public void Zero_IsEmpty_AndABadWindowThrows()
    {
        Assert.Empty(ArrivalSchedule.OffsetsSeconds(0, 1, ArrivalPattern.Poisson, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrivalSchedule.OffsetsSeconds(1, 0, ArrivalPattern.Uniform, new Random(1)));
    }
}
