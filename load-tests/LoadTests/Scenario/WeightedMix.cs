using System.Globalization;

namespace Dispatch.LoadTests.Scenario;

/// <summary>A discrete mix of values with positive weights; <see cref="Sample"/> draws one in proportion to its weight.</summary>
public sealed class WeightedMix<T> where T : notnull
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public WeightedMix(IReadOnlyList<KeyValuePair<T, double>> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0) throw new ArgumentException("A mix needs at least one value.", nameof(weights));
        if (weights.Any(w => !(w.Value > 0) || !double.IsFinite(w.Value)))
            throw new ArgumentException("Every weight must be a positive number.", nameof(weights));
        _values = weights.Select(w => w.Key).ToArray();
        var total = weights.Sum(w => w.Value);
        var sum = 0.0;
        _cumulative = weights.Select(w => sum += w.Value / total).ToArray();
        _cumulative[^1] = 1.0;
        Weights = weights.Select(w => new KeyValuePair<T, double>(w.Key, w.Value / total)).ToArray();
    }

    /// <summary>Each value with its share (the weights normalised to sum to 1), in the order given.</summary>
    public IReadOnlyList<KeyValuePair<T, double>> Weights { get; }

    public T Sample(Random random)
    {
        var u = random.NextDouble();
        var i = Array.BinarySearch(_cumulative, u);
        if (i < 0) i = ~i;
        else i++; // u exactly on a boundary belongs to the next bucket
        return _values[Math.Min(i, _values.Length - 1)];
    }

    /// <summary>"a=50%,b=50%" style, shares rounded to whole per cent.</summary>
    public string Describe(Func<T, string> name) =>
        string.Join(",", Weights.Select(w => $"{name(w.Key)}={(w.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)}%"));
}
