using System.Text.Json;
using Dispatch.Grains.Domain.Calendar;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Deadlines;

/// <summary>
/// A deadline in calendar units added to the local date and time in the calendar's zone, e.g. two
/// months: 2026-01-31 10:00 plus P2M is 2026-03-31 10:00; month ends are truncated (2025-12-31 plus P2M
/// is 2026-02-28). Working days are not considered.
/// </summary>
public sealed record CalendarPeriodDeadline : DeadlineRule
{
    /// <param name="period">A non-zero period with no negative unit.</param>
    /// <exception cref="ArgumentException"><paramref name="period"/> is zero or has a negative unit.</exception>
    public CalendarPeriodDeadline(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Equals(Period.Zero) || HasNegativeUnit(period))
        {
            throw new ArgumentException($"The period '{period}' must be positive in every unit.", nameof(period));
        }

        Period = period;
    }

    /// <summary>The period added to the local date and time.</summary>
    public Period Period { get; }

    /// <inheritdoc/>
    public override Instant DueAt(Instant start, WorkingCalendar calendar)
    {
        var local = start.InZone(calendar.Zone).LocalDateTime.Plus(Period);
        return local.InZoneLeniently(calendar.Zone).ToInstant();
    }

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("calendar", PeriodPattern.NormalizingIso.Format(Period));
        writer.WriteEndObject();
    }

    internal static bool HasNegativeUnit(Period p) =>
        p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0 || p.Hours < 0 || p.Minutes < 0
        || p.Seconds < 0 || p.Milliseconds < 0 || p.Ticks < 0 || p.Nanoseconds < 0;
}
