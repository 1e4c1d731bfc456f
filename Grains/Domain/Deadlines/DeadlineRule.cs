using System.Text.Json;
using Dispatch.Grains.Domain.Calendar;
using NodaTime;

namespace Dispatch.Grains.Domain.Deadlines;

/// <summary>
/// How a deadline is computed from a start instant. The closed set of rules is
/// <see cref="ElapsedDeadline"/>, <see cref="WorkingTimeDeadline"/>, <see cref="EndOfWorkingDayDeadline"/>
/// and <see cref="CalendarPeriodDeadline"/>; in a city file each is an object with exactly one property
/// (<c>{ "elapsed": "PT15M" }</c>, <c>{ "workingTime": "PT1H" }</c>, <c>{ "endOfWorkingDay": 1 }</c>,
/// <c>{ "calendar": "P2M" }</c>).
/// </summary>
public abstract record DeadlineRule
{
    private protected DeadlineRule()
    {
    }

    /// <summary>The deadline for something that starts at <paramref name="start"/>; never earlier than it.</summary>
    public abstract Instant DueAt(Instant start, WorkingCalendar calendar);

    /// <summary>Writes the rule in its city-file form.</summary>
    internal abstract void WriteJson(Utf8JsonWriter writer);
}
