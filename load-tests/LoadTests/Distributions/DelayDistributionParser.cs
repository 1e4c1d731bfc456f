namespace Dispatch.LoadTests.Distributions;

/// <summary>
/// Reads delay distributions from the command line:
/// <list type="bullet">
/// <item><c>2s</c> or <c>constant:2s</c>: always 2 s;</item>
/// <item><c>uniform:min=1s,max=5s</c>;</item>
/// <item><c>exp:mean=3s</c> (cut at <c>max</c>, default 20 × mean);</item>
/// <item><c>lognormal:median=2s,p99=20s</c> (cut at <c>max</c>, default 10 × p99).</item>
/// </list>
/// Durations take a unit (ms, s, m, h). Every error names what was wrong and shows a correct example.
/// </summary>
public static class DelayDistributionParser
{
    public const string Syntax = "2s | constant:2s | uniform:min=1s,max=5s | exp:mean=3s[,max=1m] | lognormal:median=2s,p99=20s[,max=3m]";

    /// <exception cref="FormatException">The text is not a distribution; the message says why.</exception>
    public static IDelayDistribution Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0) throw Error(text, "it is empty");
        var colon = trimmed.IndexOf(':');
        if (colon < 0)
        {
            if (char.IsDigit(trimmed[0]) || trimmed[0] == '.') return new ConstantDelay(Duration(text, "value", trimmed));
            throw Error(text, $"'{trimmed}' is neither a duration nor a distribution name followed by ':'");
        }
        var name = trimmed[..colon].Trim().ToLowerInvariant();
        var body = trimmed[(colon + 1)..].Trim();
        switch (name)
        {
            case "constant":
            {
                var value = body.Contains('=') ? Parameters(text, name, body, ["value"], ["value"])["value"] : Duration(text, "value", body);
                return new ConstantDelay(value);
            }
            case "uniform":
            {
                var p = Parameters(text, name, body, ["min", "max"], ["min", "max"]);
                if (p["max"] < p["min"]) throw Error(text, $"max ({DurationText.Format(p["max"])}) is below min ({DurationText.Format(p["min"])})");
                return new UniformDelay(p["min"], p["max"]);
            }
            case "exp" or "exponential":
            {
                var p = Parameters(text, name, body, ["mean"], ["mean", "max"]);
                if (p["mean"] <= TimeSpan.Zero) throw Error(text, "mean must be above zero");
                var max = p.GetValueOrDefault("max", p["mean"] * 20);
                if (max < p["mean"]) throw Error(text, $"max ({DurationText.Format(max)}) is below the mean ({DurationText.Format(p["mean"])})");
                return new ExponentialDelay(p["mean"], max);
            }
            case "lognormal" or "lognorm":
            {
                var p = Parameters(text, name, body, ["median", "p99"], ["median", "p99", "max"]);
                if (p["median"] <= TimeSpan.Zero) throw Error(text, "median must be above zero");
                if (p["p99"] <= p["median"])
                    throw Error(text, $"p99 ({DurationText.Format(p["p99"])}) must be above the median ({DurationText.Format(p["median"])})");
                var max = p.GetValueOrDefault("max", p["p99"] * 10);
                if (max < p["p99"]) throw Error(text, $"max ({DurationText.Format(max)}) is below p99 ({DurationText.Format(p["p99"])})");
                return new LogNormalDelay(p["median"], p["p99"], max);
            }
            default:
                throw Error(text, $"unknown distribution '{name}'; use constant, uniform, exp or lognormal");
        }
    }

    private static Dictionary<string, TimeSpan> Parameters(string text, string name, string body, string[] required, string[] allowed)
    {
        var result = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var part in body.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0) throw Error(text, "an empty parameter (two commas in a row, or a trailing comma)");
            var eq = part.IndexOf('=');
            if (eq <= 0) throw Error(text, $"'{part}' is not key=value");
            var key = part[..eq].Trim().ToLowerInvariant();
            if (!allowed.Contains(key)) throw Error(text, $"{name} takes {string.Join(", ", allowed)}, not '{key}'");
            if (!result.TryAdd(key, Duration(text, key, part[(eq + 1)..]))) throw Error(text, $"'{key}' is given twice");
        }
        var missing = required.Where(r => !result.ContainsKey(r)).ToList();
        if (missing.Count > 0) throw Error(text, $"{name} needs {string.Join(" and ", missing)}");
        return result;
    }

    private static TimeSpan Duration(string text, string key, string value)
    {
        try
        {
            return DurationText.Parse(value);
        }
        catch (FormatException e)
        {
            throw Error(text, $"{key}: {e.Message}");
        }
    }

    private static FormatException Error(string text, string why) =>
        new($"Bad delay distribution '{text}': {why}. Syntax: {Syntax}.");
}
