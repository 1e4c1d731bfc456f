using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Dispatch.Silo.OpenApi;

/// <summary>
/// Describes NodaTime values as the strings they are on the wire (DispatchJson's converters): instants as date-time,
/// durations as ISO-8601 durations, dates, times. They are inlined, not components (<see cref="Describes"/>).
/// </summary>
public sealed class NodaTimeSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>True for the NodaTime types this transformer describes (also as <see cref="Nullable{T}"/>).</summary>
    public static bool Describes(Type type) => Format(type).Format is not null;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var (format, example) = Format(context.JsonTypeInfo.Type);
        if (format is null)
            return Task.CompletedTask;
        schema.Type = JsonSchemaType.String;
        schema.Format = format;
        schema.Examples = [System.Text.Json.Nodes.JsonValue.Create(example)!];
        schema.Properties?.Clear();
        schema.Required?.Clear();
        schema.AdditionalPropertiesAllowed = true;
        return Task.CompletedTask;
    }

    private static (string? Format, string? Example) Format(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(Instant) => ("date-time", "2026-11-22T08:30:00Z"),
        var t when t == typeof(Duration) => ("duration", "PT30M"),
        var t when t == typeof(LocalDate) => ("date", "2026-11-22"),
        var t when t == typeof(LocalTime) => ("time", "08:30"),
        _ => (null, null),
    };
}
