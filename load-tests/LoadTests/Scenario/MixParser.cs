using System.Globalization;

namespace Dispatch.LoadTests.Scenario;

/// <summary>
/// Reads mixes such as <c>neighbourDispute=3,wageArrears=1</c> or <c>blue=70%,orange=20%,red=10%</c>: names are
/// matched without regard to case, weights are positive numbers (a trailing % is allowed) and need not sum to anything.
/// </summary>
public static class MixParser
{
    /// <exception cref="FormatException">An unknown name (the message lists the known ones), a bad or repeated weight.</exception>
    public static WeightedMix<T> Parse<T>(string text, IReadOnlyDictionary<string, T> names, string what) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = new Dictionary<string, T>(names, StringComparer.OrdinalIgnoreCase);
        var weights = new List<KeyValuePair<T, double>>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0) throw Error(what, text, "an empty entry (two commas in a row, or a trailing comma)");
            var eq = part.IndexOf('=');
            if (eq <= 0) throw Error(what, text, $"'{part}' is not name=weight");
            var name = part[..eq].Trim();
            if (!known.TryGetValue(name, out var value))
                throw Error(what, text, $"unknown {what} '{name}'; known: {string.Join(", ", names.Keys)}");
            var weightText = part[(eq + 1)..].Trim().TrimEnd('%');
            if (!double.TryParse(weightText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight)
                || !(weight > 0) || !double.IsFinite(weight))
            {
                throw Error(what, text, $"the weight of '{name}' must be a positive number, not '{part[(eq + 1)..]}'");
            }
            if (weights.Any(w => EqualityComparer<T>.Default.Equals(w.Key, value))) throw Error(what, text, $"'{name}' is given twice");
            weights.Add(new(value, weight));
        }
        return new WeightedMix<T>(weights);
    }

    private static FormatException Error(string what, string text, string why) =>
        new($"Bad {what} mix '{text}': {why}. Example: a=3,b=1 or a=75%,b=25%.");
}
