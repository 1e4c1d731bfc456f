namespace Dispatch.LoadTests.Distributions;

/// <summary>A distribution of delays a simulated department takes before it acts.</summary>
public interface IDelayDistribution
{
    /// <summary>One delay, never negative. Deterministic for a seeded <paramref name="random"/>.</summary>
    TimeSpan Sample(Random random);

    /// <summary>The distribution in the syntax <see cref="DelayDistributionParser"/> reads.</summary>
    string Describe();
}
