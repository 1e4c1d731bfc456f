using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Interfaces.Serialization;

/// <summary>Durations as ISO-8601 strings ("PT30M", "P1DT2H"); years and months are refused (not fixed lengths).</summary>
public sealed class DurationJsonConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A duration must be an ISO-8601 string such as PT30M.");
        return TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not an ISO-8601 duration such as PT30M (no years or months).");
    }

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options)
        => writer.WriteStringValue(Format(value));

    /// <summary>
    /// Parses "PT30M", "P2D", "PT1H30M5S", "PT0.5S"; false for empty text, years or months (not fixed lengths),
    /// negative units, values too large for a duration, or text that is not ISO-8601.
    /// </summary>
    public static bool TryParse(string? text, out Duration value)
    {
        value = Duration.Zero;
        if (string.IsNullOrEmpty(text)) return false;
        var result = PeriodPattern.NormalizingIso.Parse(text);
        if (!result.Success) return false;
        var p = result.Value;
        if (p.Years != 0 || p.Months != 0) return false;
        if (p.Weeks < 0 || p.Days < 0 || p.Hours < 0 || p.Minutes < 0 || p.Seconds < 0 || p.Milliseconds < 0
            || p.Ticks < 0 || p.Nanoseconds < 0)
        {
            return false;
        }
        try
        {
            value = p.ToDuration();
        }
        catch (OverflowException)
        {
            return false;
        }
        return true;
    }

    /// <summary>Formats a non-negative duration as ISO-8601 with days, hours, minutes and seconds ("PT30M", "P1DT2H").</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative.</exception>
    public static string Format(Duration value)
    {
        if (value < Duration.Zero) throw new ArgumentOutOfRangeException(nameof(value), value, "The duration must not be negative.");
        var days = value.Days;
        var rest = value - Duration.FromDays(days);
        var period = new PeriodBuilder { Days = days, Nanoseconds = rest.ToInt64Nanoseconds() }.Build().Normalize();
        return PeriodPattern.NormalizingIso.Format(period);
    }
}
