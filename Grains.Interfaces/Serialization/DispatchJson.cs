using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Grains.Interfaces.Serialization;

/// <summary>
/// The JSON conventions of the whole product (state rows, messages, HTTP): camelCase, enums as camelCase strings,
/// NodaTime instants as ISO-8601 UTC ("2026-11-22T08:30:00Z"), durations as ISO-8601 ("PT30M"), dates as "2026-11-22".
/// </summary>
public static class DispatchJson
{
    /// <summary>A new options instance with the product's conventions.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    /// <summary>Applies the product's conventions to existing options (for ASP.NET Core's).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new InstantJsonConverter());
        options.Converters.Add(new DurationJsonConverter());
        options.Converters.Add(new LocalDateJsonConverter());
    }

    /// <summary>Shared read-only options for hot paths.</summary>
    public static JsonSerializerOptions Default { get; } = CreateOptions();
}
