namespace Dispatch.LoadTests.Distributions;

/// <summary>Uniform between <see cref="Min"/> and <see cref="Max"/>: <c>uniform:min=1s,max=5s</c>.</summary>
public sealed record UniformDelay(TimeSpan Min, TimeSpan Max) : IDelayDistribution
{
    public TimeSpan Sample(Random random) => Min + (Max - Min) * random.NextDouble();

    public string Describe() => $"uniform:min={DurationText.Format(Min)},max={DurationText.Format(Max)}";
}
