using NodaTime;

namespace Dispatch.Grains.Domain;

/// <summary>The time zone every local date and time in the domain refers to.</summary>
public static class ChinaTime
{
    /// <summary>Asia/Shanghai from the TZDB provider bundled with NodaTime (UTC+8, no daylight saving).</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
}
