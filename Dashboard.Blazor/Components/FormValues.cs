namespace Dispatch.Dashboard.Components;

/// <summary>
/// The values of a page's form fields, keyed by the field's element id (unique on the page), bound with
/// <c>@bind="Form[id]"</c>. They outlive a failed action, so nothing typed is lost; a successful one clears its form.
/// </summary>
public sealed class FormValues
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public string? this[string key]
    {
        get => _values.GetValueOrDefault(key);
        set => _values[key] = value;
    }

    /// <summary>The field trimmed; null when absent or blank.</summary>
    public string? Text(string key) => this[key]?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>The field as an enum member by name (not by number); null when absent or not a defined member.</summary>
    public TEnum? Enum<TEnum>(string key) where TEnum : struct, System.Enum =>
        Text(key) is { } text && !char.IsAsciiDigit(text[0]) && System.Enum.TryParse<TEnum>(text, out var value) && System.Enum.IsDefined(value)
            ? value
            : null;

    /// <summary>Sets the field unless it has a value already (a default that does not overwrite what was typed).</summary>
    public void Default(string key, string? value) => _values.TryAdd(key, value);

    /// <summary>Forgets every field whose id starts with <paramref name="prefix"/>.</summary>
    public void Clear(string prefix)
    {
        foreach (var key in _values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            _values.Remove(key);
    }
}
