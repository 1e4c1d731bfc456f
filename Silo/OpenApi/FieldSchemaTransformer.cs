using System.Text.Json.Serialization.Metadata;
using Dispatch.Silo.Api.Binding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dispatch.Silo.OpenApi;

/// <summary>
/// Makes objects' fields exact. Nothing is ever written as null (null fields are left out), so no field is nullable.
/// A request body's required fields are those whose <see cref="FieldRuleAttribute"/> says so, and the rule adds its bounds
/// (lengths, patterns, ranges, formats): the binder checks the same attributes. A response's required fields are those
/// that are not nullable in .NET, so always written.
/// </summary>
public sealed class FieldSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo;
        if (type.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } properties)
            return Task.CompletedTask;
        var request = typeof(IRequestBody).IsAssignableFrom(type.Type);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in type.Properties)
        {
            if (!properties.TryGetValue(property.Name, out var field))
                continue;
            var rule = request ? FieldRules.Find(property) : null;
            if (request ? rule?.Required == true : !property.IsGetNullable)
                required.Add(property.Name);
            if (rule is not null && field is OpenApiSchema concrete)
                rule.Describe(concrete);
        }
        schema.Required = required;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes null out of an object's fields (and of array items), as the document is finished (a field's
    /// <c>oneOf: [null, $ref]</c> appears only when references are made): <c>["null","string"]</c> → <c>"string"</c>,
    /// <c>oneOf: [null, X]</c> → X.
    /// </summary>
    public static void RemoveNullAlternatives(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties })
            return;
        foreach (var name in properties.Keys.ToList())
        {
            var field = WithoutNull(properties[name]);
            if (field is OpenApiSchema { Items: { } items } array)
                array.Items = WithoutNull(items);
            properties[name] = field;
        }
    }

    private static IOpenApiSchema WithoutNull(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema concrete)
            return schema;
        if (concrete.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            concrete.Type = type & ~JsonSchemaType.Null;
        foreach (var alternatives in new[] { concrete.OneOf, concrete.AnyOf })
        {
            if (alternatives is null)
                continue;
            for (var i = alternatives.Count - 1; i >= 0; i--)
            {
                if (alternatives[i] is OpenApiSchema { Type: JsonSchemaType.Null })
                    alternatives.RemoveAt(i);
            }
            if (alternatives.Count == 1 && concrete.Properties is not { Count: > 0 } && concrete.Type is null)
                return alternatives[0];
        }
        return concrete;
    }
}
