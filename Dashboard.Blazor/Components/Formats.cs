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

    /// <summary>A rate 0..1 as a whole percentage, or a dash when there is none.</summary>
    public static string Percent(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "—";
}
