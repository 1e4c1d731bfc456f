using System.Globalization;
using Dispatch.Grains.Domain;
using NodaTime;

namespace Dispatch.Dashboard.Components;

/// <summary>How the dashboard writes times and spans: local time in Asia/Shanghai, whatever the language.</summary>
public static class Formats
{
    /// <summary>Month, day, hour and minute, e.g. 11-23 09:30.</summary>
    public static string Time(Instant at) => at.InZone(ChinaTime.Zone).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Hour, minute and second, e.g. 09:30:05.</summary>
    public static string ClockTime(Instant at) => at.InZone(ChinaTime.Zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The full local date and time, e.g. 2026-11-23 09:30.</summary>
    public static string FullTime(Instant at) => at.InZone(ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The local hour, e.g. 09.</summary>
    public static string Hour(Instant at) => at.InZone(ChinaTime.Zone).ToString("HH", CultureInfo.InvariantCulture);

    /// <summary>
    /// A non-negative span as a clock: m:ss under an hour, h:mm:ss under a day, then days and hours (<paramref name="days"/>
    /// formats those, e.g. "{0}d {1}h").
    /// </summary>
    public static string Span(Duration span, string days)
    {
        if (span < Duration.Zero)
            span = -span;
        var total = (long)Math.Floor(span.TotalSeconds);
        if (total >= 86_400)
            return string.Format(CultureInfo.CurrentCulture, days, total / 86_400, total % 86_400 / 3_600);
        if (total >= 3_600)
            return string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}:{2:00}", total / 3_600, total % 3_600 / 60, total % 60);
        return string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}", total / 60, total % 60);
    }

    /// <summary>
    /// A span as words, the two largest units that are not zero: "1 小时 12 分", "3 分 5 秒", "2 天 4 小时" — each unit's
    /// word given (day, hour, minute, second). Negative spans read as their magnitude; under a second is "0" and the second word.
    /// </summary>
    public static string Readable(Duration span, string day, string hour, string minute, string second)
    {
        if (span < Duration.Zero)
            span = -span;
        var total = (long)Math.Floor(span.TotalSeconds);
        (long Value, string Unit)[] parts = [(total / 86_400, day), (total % 86_400 / 3_600, hour), (total % 3_600 / 60, minute), (total % 60, second)];
        var first = Array.FindIndex(parts, p => p.Value > 0);
        if (first < 0)
            return $"0 {second}";
        var words = parts.Skip(first).Take(2).Where(p => p.Value > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {p.Unit}"));
        return string.Join(' ', words);
    }

    /// <summary><see cref="Readable(Duration, string, string, string, string)"/> in Chinese: 1 小时 12 分.</summary>
    public static string ReadableChinese(Duration span) => Readable(span, "天", "小时", "分", "秒");

    /// <summary>A rate 0..1 as a whole percentage, or a dash when there is none.</summary>
    public static string Percent(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "—";
}
