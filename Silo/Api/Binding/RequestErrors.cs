using Dispatch.Grains.Domain.Identifiers;

namespace Dispatch.Silo.Api.Binding;

/// <summary>Field errors collected while checking a request: field → messages, as problem+json's <c>errors</c>.</summary>
public sealed class RequestErrors
{
    /// <summary>The longest free text accepted (summary, note, reason, outcome), in characters.</summary>
    public const int MaxTextLength = 4000;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>A required text: present, not blank, at most <paramref name="maxLength"/> characters.</summary>
    public void RequiredText(string field, string? value, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, "Required, and must not be empty.");
        else
            OptionalText(field, value, maxLength);
    }

    /// <summary>An optional text: when present, at most <paramref name="maxLength"/> characters.</summary>
    public void OptionalText(string field, string? value, int maxLength = MaxTextLength)
    {
        if (value is not null && value.Length > maxLength)
            Add(field, $"At most {maxLength} characters ({value.Length} given).");
    }

    /// <summary>A required value (an enum, a number, a flag).</summary>
    public void Required<T>(string field, T? value) where T : struct
    {
        if (value is null)
            Add(field, "Required.");
    }

    /// <summary>A required id that passes <see cref="Ids.IsValid"/>.</summary>
    public void RequiredId(string field, string? id)
    {
        if (string.IsNullOrEmpty(id))
            Add(field, "Required.");
        else if (!Ids.IsValid(id))
            Add(field, IdMessage);
    }

    /// <summary>
    /// Checks every field of <paramref name="body"/> that carries a <see cref="FieldRuleAttribute"/>, under its JSON name
    /// (the same rules the OpenAPI document describes).
    /// </summary>
    public void CheckFields(object body)
    {
        foreach (var (name, rule, get) in FieldRules.Of(body.GetType()))
            rule.Check(name, get(body), this);
    }

    public const string IdMessage = "Not a valid id (1 to 64 ASCII letters, digits, '.', '_' or '-').";

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
