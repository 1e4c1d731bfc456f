namespace Dispatch.LoadTests.Distributions;

/// <summary>Exponential with mean <see cref="Mean"/>, cut at <see cref="Max"/>: <c>exp:mean=3s,max=60s</c>.</summary>
public sealed record ExponentialDelay(TimeSpan Mean, TimeSpan Max) : IDelayDistribution
{
    public TimeSpan Sample(Random random)
    {
        // 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        var value = -Math.Log(1 - random.NextDouble()) * Mean.TotalMilliseconds;
        return TimeSpan.FromMilliseconds(Math.Min(value, Max.TotalMilliseconds));
    }

    public string Describe() => $"exp:mean={DurationText.Format(Mean)},max={DurationText.Format(Max)}";
}
