using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Dispatch.Silo.Api.Binding;

/// <summary>
/// What a query parameter that a handler takes as text and parses itself (so that bad values get field errors) really
/// is, for the OpenAPI document (<c>Dispatch.Silo.OpenApi.OperationTransformer</c>): an integer with bounds, a flag, a
/// date, an instant, an id or one of some words. Handlers parse with the same constants the attribute names.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class QuerySchemaAttribute(QueryKind kind) : Attribute
{
    public QueryKind Kind { get; } = kind;

    /// <summary>The parameter must be given.</summary>
    public bool Required { get; init; }

    /// <summary>Bounds and default of an integer (0 for none).</summary>
    public int Minimum { get; init; }
    public int Maximum { get; init; }
    public int Default { get; init; }

    /// <summary>The words a <see cref="QueryKind.Word"/> takes; with <see cref="WordsOf"/>, added to the enum's.</summary>
    public string[] Words { get; init; } = [];

    /// <summary>An enum whose camelCase names a <see cref="QueryKind.Word"/> also takes.</summary>
    public Type? WordsOf { get; init; }

    public void Describe(OpenApiSchema schema)
    {
        switch (Kind)
        {
            case QueryKind.Integer:
                schema.Type = JsonSchemaType.Integer;
                schema.Format = "int32";
                schema.Minimum = Minimum.ToString(CultureInfo.InvariantCulture);
                if (Maximum != 0)
                    schema.Maximum = Maximum.ToString(CultureInfo.InvariantCulture);
                if (Default != 0)
                    schema.Default = JsonValue.Create(Default);
                break;
            case QueryKind.Boolean:
                schema.Type = JsonSchemaType.Boolean;
                break;
            case QueryKind.Date:
                schema.Type = JsonSchemaType.String;
                schema.Format = "date";
                break;
            case QueryKind.InstantOrDate:
                schema.Type = JsonSchemaType.String;
                schema.Description = "An instant (2026-11-22T00:00:00Z) or a date (2026-11-22: its start in Asia/Shanghai).";
                break;
            case QueryKind.Id:
                schema.Type = JsonSchemaType.String;
                schema.MinLength = 1;
                schema.MaxLength = Dispatch.Grains.Domain.Identifiers.Ids.MaxLength;
                schema.Pattern = IdFieldAttribute.Pattern;
                break;
            case QueryKind.Word:
                schema.Type = JsonSchemaType.String;
                var names = WordsOf is null ? [] : Enum.GetNames(WordsOf).Select(JsonNamingPolicy.CamelCase.ConvertName);
                schema.Enum = [.. Words.Concat(names).Select(w => (JsonNode)JsonValue.Create(w))];
                break;
        }
    }
}

public enum QueryKind
{
    Integer,
    Boolean,
    Date,
    InstantOrDate,
    Id,
    Word,
}
