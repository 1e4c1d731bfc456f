using Dispatch.Grains.Interfaces.Faults;
using Dispatch.Grains.Domain.Identifiers;

namespace Dispatch.Silo.Api.Binding;

/// <summary>
/// Field errors collected while checking a request, each a field and a <see cref="Fault"/>: as problem+json's
/// <c>errors</c> (field → English messages, <see cref="ToDictionary"/>) and as data for the dashboard (<see cref="Faults"/>).
/// </summary>
public sealed class RequestErrors
{
    /// <summary>The longest free text accepted (summary, note, reason, outcome), in characters.</summary>
    public const int MaxTextLength = 4000;

    private readonly List<FieldFault> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Every field's faults, in the order they were found.</summary>
    public IReadOnlyList<FieldFault> Faults => _errors;

    public void Add(string field, Fault fault) => _errors.Add(new FieldFault(field, fault));

    /// <summary>A free English text with no code (the API's own checks, which the dashboard does not make).</summary>
    public void Add(string field, string message) => Add(field, Fault.Text(message));

    /// <summary>A required text: present, not blank, at most <paramref name="maxLength"/> characters.</summary>
    public void RequiredText(string field, string? value, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, Fault.Of("requiredText"));
        else
            OptionalText(field, value, maxLength);
    }

    /// <summary>An optional text: when present, at most <paramref name="maxLength"/> characters.</summary>
    public void OptionalText(string field, string? value, int maxLength = MaxTextLength)
    {
        if (value is not null && value.Length > maxLength)
            Add(field, Fault.Of("tooLong", ("max", maxLength), ("given", value.Length)));
    }

    /// <summary>A required value (an enum, a number, a flag).</summary>
    public void Required<T>(string field, T? value) where T : struct
    {
        if (value is null)
            Add(field, Fault.Of("required"));
    }

    /// <summary>A required id that passes <see cref="Ids.IsValid"/>.</summary>
    public void RequiredId(string field, string? id)
    {
        if (string.IsNullOrEmpty(id))
            Add(field, Fault.Of("required"));
        else if (!Ids.IsValid(id))
            Add(field, Fault.Of("notId"));
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

    public const string IdMessage = FaultCatalog.IdSentence;

    public IDictionary<string, string[]> ToDictionary() => _errors.GroupBy(e => e.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Fault.English).ToArray(), StringComparer.Ordinal);
}
