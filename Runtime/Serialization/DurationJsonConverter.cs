using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Runtime.Serialization;

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

    /// <summary>Parses "PT30M", "P2D", "PT1H30M5S"; false for years, months, or text that is not ISO-8601.</summary>
    public static bool TryParse(string text, out Duration value)
    {
        value = default;
        var result = PeriodPattern.NormalizingIso.Parse(text);
        if (!result.Success || result.Value.Years != 0 || result.Value.Months != 0) return false;
        value = result.Value.ToDuration();
        return true;
    }

    /// <summary>Formats as ISO-8601 with days, hours, minutes and seconds ("PT30M", "P1DT2H").</summary>
    public static string Format(Duration value)
    {
        var period = Period.FromTicks(value.BclCompatibleTicks).Normalize();
        return PeriodPattern.NormalizingIso.Format(period);
    }
}
