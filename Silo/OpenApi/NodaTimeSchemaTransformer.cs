using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Dispatch.Silo.OpenApi;

/// <summary>Describes NodaTime values as the strings they are on the wire: instants, durations, dates, times.</summary>
public sealed class NodaTimeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        var (format, example) = (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(Instant) => ("date-time", "2026-11-22T08:30:00Z"),
            var t when t == typeof(Duration) => ("duration", "PT30M"),
            var t when t == typeof(LocalDate) => ("date", "2026-11-22"),
            var t when t == typeof(LocalTime) => ("time", "08:30"),
            _ => (null, null),
        };
        if (format is null)
            return Task.CompletedTask;
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = format;
        schema.Examples = [System.Text.Json.Nodes.JsonValue.Create(example)!];
        schema.Properties?.Clear();
        schema.Required?.Clear();
        schema.AdditionalPropertiesAllowed = true;
        return Task.CompletedTask;
    }
}
