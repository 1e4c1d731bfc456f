using Dispatch.Grains.Domain;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain;

/// <summary>Builds instants from Asia/Shanghai local times, so tests read like the domain.</summary>
internal static class Shanghai
{
    public static Instant At(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(ChinaTime.Zone).ToInstant();

    public static LocalDateTime Local(Instant instant) => instant.InZone(ChinaTime.Zone).LocalDateTime;
}
