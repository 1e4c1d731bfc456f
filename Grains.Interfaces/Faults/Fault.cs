using System.Globalization;
using Orleans;

namespace Dispatch.Grains.Interfaces.Faults;

/// <summary>
/// Why a command or a request failed, as data: a <see cref="Code"/> of <see cref="FaultCatalog"/> and its named
/// <see cref="Args"/> ("max", "given", "state", "department", "case"…). The API says <see cref="English"/> (the catalog's
/// sentence); the dashboard renders the code in the UI's language from its own texts.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.Fault")]
public sealed record Fault
{
    public Fault(string code, IReadOnlyDictionary<string, string>? args = null)
    {
        Code = code;
        Args = args ?? Empty;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A key of <see cref="FaultCatalog"/> (camelCase).</summary>
    [Id(0)]
    public string Code { get; init; }

    /// <summary>The named values the sentence is made of (ids, states as enum names, numbers, instants).</summary>
    [Id(1)]
    public IReadOnlyDictionary<string, string> Args { get; init; }

    /// <summary>A fault with arguments given as (name, value) pairs; values are formatted with the invariant culture.</summary>
    public static Fault Of(string code, params (string Name, object? Value)[] args) =>
        new(code, args.ToDictionary(a => a.Name, a => Format(a.Value), StringComparer.Ordinal));

    /// <summary>A free English text with no code of its own (the API's own checks the dashboard never meets).</summary>
    public static Fault Text(string text) => Of(FaultCatalog.TextCode, ("text", text));

    /// <summary>The argument <paramref name="name"/>, or "" when absent.</summary>
    public string Arg(string name) => Args.TryGetValue(name, out var value) ? value : "";

    /// <summary>The catalog's English sentence, as the API says it.</summary>
    public string English => FaultCatalog.English(this);

    public override string ToString() => English;

    private static string Format(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>A <see cref="Fault"/> of one field of a request (the field's JSON name, with an index for a list item: <c>departmentIds[1]</c>).</summary>
[GenerateSerializer, Immutable, Alias("dispatch.FieldFault")]
public sealed record FieldFault([property: Id(0)] string Field, [property: Id(1)] Fault Fault);
