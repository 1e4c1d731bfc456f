using Dispatch.Dashboard.Components;
using Dispatch.Dashboard.Services;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Faults;
using Dispatch.Grains.Interfaces.Model;
using Microsoft.Extensions.Localization;
using NodaTime.Text;

namespace Dispatch.Dashboard.Localization;

/// <summary>
/// A failure in the UI's language: a <see cref="Fault"/> is rendered from <c>Fault_&lt;code&gt;</c> with its named
/// arguments (states through the state labels, ids through the city's names, instants in China time), a field through
/// its form label (<c>Field_&lt;name&gt;</c> or the form's own key). A code the resources do not know falls back to the
/// outcome's prefix and the server's English, so a failure never shows blank.
/// </summary>
public sealed class FaultText(IStringLocalizer<Strings> l, CityModel city)
{
    /// <summary>The form labels the fields reuse (a field without one here has a <c>Field_&lt;name&gt;</c> of its own).</summary>
    private static readonly Dictionary<string, string> FormLabels = new(StringComparer.Ordinal)
    {
        ["summary"] = "Report_Summary",
        ["gridId"] = "Report_Grid",
        ["category"] = "Report_Category",
        ["source"] = "Report_Source",
        ["risk"] = "Report_Risk",
        ["reporter"] = "Report_Reporter",
        ["tier"] = "Triage_Tier",
        ["note"] = "Note",
        ["ackWithin"] = "Whistle_AckWithin",
        ["arriveWithin"] = "Whistle_ArriveWithin",
        ["outcome"] = "Resolve_Outcome",
        ["scope"] = "Stats_Scope",
        ["period"] = "Stats_Period",
        ["at"] = "Stats_At",
    };

    /// <summary>The resource key of a field's label (<c>departmentIds[2]</c> is labelled as <c>departmentIds</c>).</summary>
    public static string LabelKey(string field)
    {
        var name = field.IndexOf('[') is > 0 and var bracket ? field[..bracket] : field;
        return FormLabels.GetValueOrDefault(name) ?? $"Field_{name}";
    }

    /// <summary>
    /// The label of a field, or its JSON name when the resources have none; <paramref name="labels"/> (field → resource
    /// key) names the label a form shows where the field's usual one does not fit (a feedback's note is its 处置情况).
    /// </summary>
    public string Field(string field, IReadOnlyDictionary<string, string>? labels = null) =>
        labels?.GetValueOrDefault(field) is { } key ? l.Lookup(key, field) : l.Lookup(LabelKey(field), field);

    /// <summary>The fault in the UI's language; null when the resources do not know its code.</summary>
    public string? Render(Fault fault)
    {
        var template = l[$"Fault_{fault.Code}"];
        return template.ResourceNotFound ? null : FaultCatalog.Fill(template.Value, name => Value(name, fault));
    }

    /// <summary>"field: reason" in the UI's language; null when the resources do not know the code.</summary>
    public string? Render(string field, Fault fault, IReadOnlyDictionary<string, string>? labels = null) =>
        Render(fault) is { } text ? l["Fault_Field", Field(field, labels), text].Value : null;

    /// <summary>
    /// Why a result failed: its field faults, else its fault, in the UI's language; when one of them has no text, the
    /// outcome's prefix and the server's English (what the page said before faults existed). <paramref name="labels"/>:
    /// see <see cref="Field"/>.
    /// </summary>
    public string Explain<T>(DashboardResult<T> result, IReadOnlyDictionary<string, string>? labels = null)
    {
        if (result.Faults.Count > 0)
        {
            var texts = result.Faults.Select(f => Render(f.Field, f.Fault, labels)).ToList();
            if (texts.All(t => t is not null))
                return string.Join(" ", texts);
        }
        else if (result.Fault is { } fault && Render(fault) is { } text)
        {
            return text;
        }
        return $"{Prefix(result.Outcome)} {result.Message}".TrimEnd();
    }

    /// <summary>A bad field of a query (the statistics page's scope, period, date): rendered, or the prefix and the English.</summary>
    public string Invalid(string field, Fault fault) =>
        Render(field, fault) ?? $"{Prefix(Outcome.Invalid)} {field}: {fault.English}";

    private string Prefix(Outcome outcome) => outcome switch
    {
        Outcome.Forbidden => l["Outcome_Forbidden"],
        Outcome.NotFound => l["Outcome_NotFound"],
        Outcome.Conflict => l["Outcome_Conflict"],
        _ => l["Outcome_Invalid"],
    };

    /// <summary>An argument for people: states by label, ids by name, instants in China time, a field by its label.</summary>
    private string? Value(string name, Fault fault)
    {
        if (!fault.Args.TryGetValue(name, out var value))
            return null;
        return name switch
        {
            "state" or "from" or "to" => State(value),
            "department" or "township" or "center" or "county" or "scope" => city.UnitName(value),
            "grid" => city.GridName(value),
            "departments" => string.Join(l["Fault_ListSeparator"], value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(city.UnitName)),
            "colour" => Enum.TryParse<RiskColour>(value, out var colour) ? l.Of(colour) : value,
            "category" => Enum.TryParse<Category>(value, out var category) ? l.Of(category) : value,
            "field" => Field(value),
            _ when InstantPattern.ExtendedIso.Parse(value) is { Success: true } at => Formats.FullTime(at.Value),
            _ => value,
        };
    }

    private string State(string value) =>
        Enum.TryParse<CaseState>(value, out var c) && Enum.IsDefined(c) ? l.Of(c)
        : Enum.TryParse<SummonsState>(value, out var s) && Enum.IsDefined(s) ? l.Of(s)
        : value;
}
