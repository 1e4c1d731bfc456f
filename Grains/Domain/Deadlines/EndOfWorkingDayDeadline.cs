using System.Text.Json;
using Dispatch.Grains.Domain.Calendar;
using NodaTime;

namespace Dispatch.Grains.Domain.Deadlines;

/// <summary>
/// "Within n working days": the end of the n-th working day after the start's working day
/// (<see cref="WorkingCalendar.EndOfWorkingDay"/>). 0 = the end of the same working day (or of the next
/// one if the start is after hours or on a non-working day); 1 = the end of the next working day.
/// </summary>
public sealed record EndOfWorkingDayDeadline : DeadlineRule
{
    /// <param name="workingDaysAfter">0 to 366.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDaysAfter"/> is out of range.</exception>
    public EndOfWorkingDayDeadline(int workingDaysAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDaysAfter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDaysAfter, 366);
        WorkingDaysAfter = workingDaysAfter;
    }

    /// <summary>How many working days after the start's working day.</summary>
    public int WorkingDaysAfter { get; }

    /// <inheritdoc/>
    public override Instant DueAt(Instant start, WorkingCalendar calendar) => calendar.EndOfWorkingDay(start, WorkingDaysAfter);

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("endOfWorkingDay", WorkingDaysAfter);
        writer.WriteEndObject();
    }
}
