namespace Dispatch.LoadTests.Distributions;

/// <summary>Always the same delay: <c>constant:2s</c> or just <c>2s</c>.</summary>
public sealed record ConstantDelay(TimeSpan Value) : IDelayDistribution
{
    public TimeSpan Sample(Random random) => Value;

    public string Describe() => $"constant:{DurationText.Format(Value)}";
}
