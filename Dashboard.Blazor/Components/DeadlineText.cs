using System.Globalization;
using System.Text.RegularExpressions;

namespace Dispatch.Dashboard.Components;

/// <summary>
/// A whistle's custom deadline as a person types it — "30分钟", "2小时", "1小时30分", "1天", "90秒", or a bare number of
/// minutes — turned into the API's ISO-8601 duration ("PT30M"). Anything else (an ISO-8601 text such as "PT30M"
/// included) goes through unchanged, for the API's own check to accept or refuse.
/// </summary>
public static partial class DeadlineText
{
    /// <summary>The ISO-8601 duration of <paramref name="text"/>, or the text itself when it is not in Chinese units; null when blank.</summary>
    public static string? ToIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        if (Minutes().IsMatch(trimmed))
            return Format(long.Parse(trimmed, CultureInfo.InvariantCulture) * 60);
        var whole = Units().Match(trimmed);
        if (!whole.Success)
            return trimmed;
        long seconds = 0;
        var captures = whole.Groups["n"].Captures;
        for (var i = 0; i < captures.Count; i++)
        {
            var unit = whole.Groups["u"].Captures[i].Value switch
            {
                "天" => 86_400,
                "小时" or "时" => 3_600,
                "分钟" or "分" => 60,
                _ => 1,
            };
            if (!long.TryParse(captures[i].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
                return trimmed;
            seconds += n * unit;
        }
        return Format(seconds);
    }

    private static string Format(long seconds)
    {
        var (hours, rest) = Math.DivRem(seconds, 3_600);
        var (minutes, secs) = Math.DivRem(rest, 60);
        var text = "PT" + (hours > 0 ? $"{hours}H" : "") + (minutes > 0 ? $"{minutes}M" : "") + (secs > 0 || seconds == 0 ? $"{secs}S" : "");
        return text;
    }

    [GeneratedRegex(@"^\d{1,6}$")]
    private static partial Regex Minutes();

    [GeneratedRegex(@"^(?:\s*(?<n>\d{1,6})\s*(?<u>天|小时|时|分钟|分|秒))+\s*$")]
    private static partial Regex Units();
}
