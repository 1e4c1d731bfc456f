using System.Text.Json;
using Dispatch.Grains.Domain.Calendar;
using NodaTime;

namespace Dispatch.Grains.Domain.Deadlines;

/// <summary>A deadline on elapsed time: nights, weekends and holidays count (red risk).</summary>
public sealed record ElapsedDeadline : DeadlineRule
{
    /// <param name="amount">Zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public ElapsedDeadline(Duration amount)
    {
        if (amount < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must not be negative.");
        }

        Amount = amount;
    }

    /// <summary>The elapsed time allowed.</summary>
    public Duration Amount { get; }

    /// <inheritdoc/>
    public override Instant DueAt(Instant start, WorkingCalendar calendar) => start + Amount;

    internal override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("elapsed", IsoDuration.Format(Amount));
        writer.WriteEndObject();
    }
}
