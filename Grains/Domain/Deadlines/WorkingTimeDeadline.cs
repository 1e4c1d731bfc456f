using System.Text.Json;
using Dispatch.Grains.Domain.Calendar;
using NodaTime;

namespace Dispatch.Grains.Domain.Deadlines;

/// <summary>
/// A deadline on working time (<see cref="WorkingCalendar.AddWorkingTime"/>): only working periods on
/// working days count, so one working hour from Friday 17:00 is Monday 09:00.
/// </summary>
public sealed record WorkingTimeDeadline : DeadlineRule
{
    /// <param name="amount">Zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public WorkingTimeDeadline(Duration amount)
    {
        if (amount < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must not be negative.");
        }

        Amount = amount;
    }

    /// <summary>The working time allowed.</summary>
    public Duration Amount { get; }

    /// <inheritdoc/>
    public override Instant DueAt(Instant start, WorkingCalendar calendar) => calendar.AddWorkingTime(start, Amount);

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("workingTime", IsoDuration.Format(Amount));
        writer.WriteEndObject();
    }
}
