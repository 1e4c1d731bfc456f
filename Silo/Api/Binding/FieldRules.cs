using Dispatch.Grains.Interfaces.Faults;
using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Nodes;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Domain.Identifiers;
using Microsoft.OpenApi;

namespace Dispatch.Silo.Api.Binding;

/// <summary>The <see cref="FieldRuleAttribute"/>s of a request body type, by JSON field name, in declaration order.</summary>
public static class FieldRules
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(string Name, FieldRuleAttribute Rule, Func<object, object?> Get)>> Cache = new();

    public static IReadOnlyList<(string Name, FieldRuleAttribute Rule, Func<object, object?> Get)> Of(Type type) =>
        Cache.GetOrAdd(type, static t => JsonBodyReader.Options.GetTypeInfo(t).Properties
            .Select(p => (p.Name, Rule: Find(p), p.Get))
            .Where(r => r.Rule is not null && r.Get is not null)
            .Select(r => (r.Name, r.Rule!, r.Get!))
            .ToList());

    /// <summary>The rule on a property of a JSON contract, if it has one.</summary>
    public static FieldRuleAttribute? Find(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(FieldRuleAttribute), inherit: true).OfType<FieldRuleAttribute>().FirstOrDefault();
}

/// <summary>
/// The rule for one field of a request body: <see cref="RequestErrors.CheckFields"/> checks it after the body is read,
/// and the OpenAPI document describes it (<c>Dispatch.Silo.OpenApi.FieldSchemaTransformer</c>), so the server and the
/// document say the same thing. Put it on the record's parameter as <c>[property: ...]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public abstract class FieldRuleAttribute : Attribute
{
    /// <summary>The field must be present (and not null).</summary>
    public bool Required { get; init; }

    /// <summary>The answer for a required field that is missing.</summary>
    protected virtual Fault Missing => Fault.Of("required");

    public void Check(string field, object? value, RequestErrors errors)
    {
        if (value is null)
        {
            if (Required)
                errors.Add(field, Missing);
            return;
        }
        CheckValue(field, value, errors);
    }

    /// <summary>Checks a present value.</summary>
    protected abstract void CheckValue(string field, object value, RequestErrors errors);

    /// <summary>Adds this rule's bounds to the field's schema (its type is already set from the CLR type).</summary>
    public abstract void Describe(OpenApiSchema schema);
}

/// <summary>A value whose type says everything (an enum, a flag): only whether it is required.</summary>
public sealed class ValueAttribute : FieldRuleAttribute
{
    protected override void CheckValue(string field, object value, RequestErrors errors) { }

    public override void Describe(OpenApiSchema schema) { }
}

/// <summary>Free text of at most <see cref="MaxLength"/> characters; when required, not blank.</summary>
public sealed class TextAttribute(int maxLength = RequestErrors.MaxTextLength) : FieldRuleAttribute
{
    public int MaxLength { get; } = maxLength;

    protected override Fault Missing => Fault.Of("requiredText");

    protected override void CheckValue(string field, object value, RequestErrors errors)
    {
        var text = (string)value;
        if (Required && string.IsNullOrWhiteSpace(text))
            errors.Add(field, Missing);
        else if (text.Length > MaxLength)
            errors.Add(field, Fault.Of("tooLong", ("max", MaxLength), ("given", text.Length)));
    }

    public override void Describe(OpenApiSchema schema)
    {
        schema.MaxLength = MaxLength;
        if (!Required)
            return;
        schema.MinLength = 1;
        schema.Pattern = @"\S";
    }
}

/// <summary>An id (<see cref="Ids.IsValid"/>).</summary>
public sealed class IdFieldAttribute : FieldRuleAttribute
{
    /// <summary><see cref="Ids.IsValid"/> as a regular expression.</summary>
    public const string Pattern = "^[A-Za-z0-9._-]+$";

    protected override void CheckValue(string field, object value, RequestErrors errors)
    {
        var id = (string)value;
        if (Required && id.Length == 0)
            errors.Add(field, Missing);
        else if (!Ids.IsValid(id))
            errors.Add(field, Fault.Of("notId"));
    }

    public override void Describe(OpenApiSchema schema) => DescribeId(schema);

    internal static void DescribeId(OpenApiSchema schema)
    {
        schema.MinLength = 1;
        schema.MaxLength = Ids.MaxLength;
        schema.Pattern = Pattern;
    }
}

/// <summary>A list of 1 to <see cref="MaxItems"/> distinct ids.</summary>
public sealed class IdListAttribute(int maxItems) : FieldRuleAttribute
{
    public int MaxItems { get; } = maxItems;

    protected override void CheckValue(string field, object value, RequestErrors errors)
    {
        var ids = ((IEnumerable)value).Cast<string?>().ToList();
        if (ids.Count == 0)
            errors.Add(field, Fault.Of("noneNamed", ("field", field)));
        else if (ids.Count > MaxItems)
            errors.Add(field, Fault.Of("tooMany", ("max", MaxItems)));
        for (var i = 0; i < ids.Count; i++)
        {
            if (!Ids.IsValid(ids[i]))
                errors.Add($"{field}[{i}]", Fault.Of("notId"));
        }
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
            errors.Add(field, Fault.Of("namedTwice"));
    }

    public override void Describe(OpenApiSchema schema)
    {
        schema.MinItems = 1;
        schema.MaxItems = MaxItems;
        schema.UniqueItems = true;
        var items = new OpenApiSchema { Type = JsonSchemaType.String };
        IdFieldAttribute.DescribeId(items);
        schema.Items = items;
    }
}

/// <summary>An integer from <see cref="Minimum"/> to <see cref="Maximum"/>.</summary>
public sealed class IntegerRangeAttribute(int minimum, int maximum) : FieldRuleAttribute
{
    public int Minimum { get; } = minimum;
    public int Maximum { get; } = maximum;

    protected override void CheckValue(string field, object value, RequestErrors errors)
    {
        var number = (int)value;
        if (number < Minimum || number > Maximum)
            errors.Add(field, Fault.Of("outOfRange", ("min", Minimum), ("max", Maximum)));
    }

    public override void Describe(OpenApiSchema schema)
    {
        schema.Minimum = Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        schema.Maximum = Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>An ISO-8601 duration (<see cref="IsoDuration.TryParse"/>: days, hours, minutes, seconds; no years or months) of at least PT1S.</summary>
public sealed class DurationTextAttribute : FieldRuleAttribute
{
    protected override void CheckValue(string field, object value, RequestErrors errors)
    {
        if (!IsoDuration.TryParse((string)value, out var duration))
            errors.Add(field, Fault.Of("notDuration"));
        else if (duration < IsoDuration.Minimum)
            errors.Add(field, Fault.Of("durationTooShort"));
    }

    public override void Describe(OpenApiSchema schema)
    {
        schema.Format = "duration";
        schema.Description = "An ISO-8601 duration of at least PT1S in weeks, days, hours, minutes and seconds (no years or months), such as PT30M or P1DT2H.";
        schema.Examples = [JsonValue.Create("PT30M")];
    }
}
