using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Interfaces.Serialization;

/// <summary>Instants as ISO-8601 UTC strings; reads any offset ("…+08:00") and normalises to UTC.</summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;

    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("An instant must be an ISO-8601 string.");
        var result = Pattern.Parse(text);
        if (result.Success) return result.Value;
        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (offset.Success) return offset.Value.ToInstant();
        throw new JsonException($"'{text}' is not an ISO-8601 instant such as 2026-11-22T08:30:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
        => writer.WriteStringValue(Pattern.Format(value));
}
