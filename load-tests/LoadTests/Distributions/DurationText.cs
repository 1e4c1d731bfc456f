using System.Globalization;

namespace Dispatch.LoadTests.Distributions;

/// <summary>Short human durations: <c>150ms</c>, <c>2s</c>, <c>1.5m</c>, <c>1h</c> (a unit is required).</summary>
public static class DurationText
{
    private static readonly (string Suffix, double Milliseconds)[] Units =
    [
        ("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000),
    ];

    /// <summary>Parses a non-negative duration with a unit.</summary>
    /// <exception cref="FormatException">No unit, an unknown unit, a negative or non-finite number.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        // "ms" before "m" and "s": the longest suffix that matches wins.
        foreach (var (suffix, ms) in Units.OrderByDescending(u => u.Suffix.Length))
        {
            if (!trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            var number = trimmed[..^suffix.Length];
            if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value))
            {
                break;
            }
            return TimeSpan.FromMilliseconds(value * ms);
        }
        throw new FormatException($"Not a duration: '{text}'. Write a non-negative number with a unit: 150ms, 2s, 1.5m or 1h.");
    }

    /// <summary>The shortest of <c>1500ms</c> → <c>1.5s</c>, <c>120s</c> → <c>2m</c> that reads back exactly.</summary>
    public static string Format(TimeSpan value)
    {
        var ms = value.TotalMilliseconds;
        foreach (var (suffix, unit) in Units.Reverse())
        {
            var n = ms / unit;
            if (n >= 1 && Math.Abs(n - Math.Round(n, 3)) < 1e-9)
                return Math.Round(n, 3).ToString(CultureInfo.InvariantCulture) + suffix;
        }
        return ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }
}
