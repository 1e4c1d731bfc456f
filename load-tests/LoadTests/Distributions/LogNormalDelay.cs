namespace Dispatch.LoadTests.Distributions;

/// <summary>
/// Log-normal fixed by its median and 99th percentile, cut at <see cref="Max"/>:
/// <c>lognormal:median=2s,p99=20s,max=2m</c>. ln(X) is normal with μ = ln(median) and
/// σ = (ln(p99) − ln(median)) / z₀.₉₉ (z₀.₉₉ ≈ 2.3263).
/// </summary>
public sealed record LogNormalDelay(TimeSpan Median, TimeSpan P99, TimeSpan Max) : IDelayDistribution
{
    /// <summary>The standard normal's 99th percentile.</summary>
    public const double Z99 = 2.3263478740408408;

    public double Mu => Math.Log(Median.TotalMilliseconds);

    public double Sigma => (Math.Log(P99.TotalMilliseconds) - Mu) / Z99;

    public TimeSpan Sample(Random random)
    {
        var value = Math.Exp(Mu + Sigma * StandardNormal(random));
        return TimeSpan.FromMilliseconds(Math.Min(value, Max.TotalMilliseconds));
    }

    public string Describe() =>
        $"lognormal:median={DurationText.Format(Median)},p99={DurationText.Format(P99)},max={DurationText.Format(Max)}";

    /// <summary>Box–Muller: one standard normal from two uniforms.</summary>
    private static double StandardNormal(Random random)
    {
        var u1 = 1 - random.NextDouble(); // (0, 1]
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
