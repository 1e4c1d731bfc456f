namespace Dispatch.Dashboard.Components;

/// <summary>Which way a measure moved against the previous period.</summary>
public enum TrendDirection
{
    /// <summary>One of the two periods has no value (a rate over nothing, a median of nothing).</summary>
    None,
    Flat,
    Up,
    Down,
}

/// <summary>
/// A measure against the previous period: the direction and the size of the change, on the scale the caller compares
/// (counts, whole percentage points, whole seconds, satisfaction to one decimal).
/// </summary>
public sealed record StatTrend(TrendDirection Direction, double Delta)
{
    /// <summary>No comparison: one of the values is missing.</summary>
    public static StatTrend None { get; } = new(TrendDirection.None, 0);

    /// <summary>The change from <paramref name="previous"/> to <paramref name="current"/>.</summary>
    public static StatTrend Of(double? current, double? previous)
    {
        if (current is not { } now || previous is not { } before)
            return None;
        var delta = now - before;
        return Math.Abs(delta) < 1e-9
            ? new(TrendDirection.Flat, 0)
            : new(delta > 0 ? TrendDirection.Up : TrendDirection.Down, Math.Abs(delta));
    }

    /// <summary>Whether the change is for the better, when higher values of the measure are better (or worse); null when flat or none.</summary>
    public bool? IsBetter(bool higherIsBetter) => Direction switch
    {
        TrendDirection.Up => higherIsBetter,
        TrendDirection.Down => !higherIsBetter,
        _ => null,
    };
}
