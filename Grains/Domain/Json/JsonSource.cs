using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Json;

/// <summary>
/// Reads a JSON data file strictly, tracking JSON paths so that every error names the file,
/// the path and the entry id. Errors are created by the factory given at construction, so each
/// file type throws its own <see cref="DataFileException"/> subtype.
/// </summary>
internal sealed class JsonSource
{
    /// <summary>Creates a <see cref="DataFileException"/> from (file, path, id, problem, inner).</summary>
    public delegate DataFileException ErrorFactory(string fileName, string jsonPath, string? entryId, string problem, Exception? inner);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly ErrorFactory _error;

    public JsonSource(string fileName, ErrorFactory error)
    {
        FileName = fileName;
        _error = error;
    }

    public string FileName { get; }

    public static string Child(string path, string name) => $"{path}.{name}";

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    public DataFileException Error(string path, string? id, string problem, Exception? inner = null) =>
        _error(FileName, path, id, problem, inner);

    /// <summary>Parses the whole document; a syntax error is reported with its line and position.</summary>
    public JsonDocument Parse(string json)
    {
        try
        {
            var document = JsonDocument.Parse(json, DocumentOptions);
            ExpectKind(document.RootElement, "$", null, JsonValueKind.Object, "an object");
            return document;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {e.BytePositionInLine + 1}")
                : string.Empty;
            throw Error(e.Path ?? "$", null, $"invalid JSON{where}: {e.Message}", e);
        }
    }

    public void ExpectKind(JsonElement element, string path, string? id, JsonValueKind kind, string description)
    {
        if (element.ValueKind != kind)
        {
            throw Error(path, id, $"expected {description} but found {Describe(element)}.");
        }
    }

    /// <summary>
    /// Rejects properties other than <paramref name="allowed"/>; names starting with <c>$</c>
    /// (<c>$schema</c>, <c>$comment</c>) are always allowed and ignored.
    /// </summary>
    public void AllowOnly(JsonElement obj, string path, string? id, params string[] allowed)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!property.Name.StartsWith('$') && System.Array.IndexOf(allowed, property.Name) < 0)
            {
                throw Error(Child(path, property.Name), id,
                    $"unknown property '{property.Name}'; expected one of: {string.Join(", ", allowed)}.");
            }
        }
    }

    /// <summary>True if the property exists and is not null.</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public string RequiredString(JsonElement obj, string path, string name, string? id)
    {
        var result = OptionalString(obj, path, name, id);
        if (result is null)
        {
            throw Error(Child(path, name), id, $"'{name}' is required.");
        }

        return result;
    }

    /// <summary>The string value, or null when missing or null; an empty or blank string is an error.</summary>
    public string? OptionalString(JsonElement obj, string path, string name, string? id)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        var childPath = Child(path, name);
        ExpectKind(value, childPath, id, JsonValueKind.String, "a string");
        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error(childPath, id, $"'{name}' must not be empty.");
        }

        return text;
    }

    public int? OptionalInt(JsonElement obj, string path, string name, string? id, int min, int max)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return Int(value, Child(path, name), id, min, max);
    }

    public int RequiredInt(JsonElement obj, string path, string name, string? id, int min, int max) =>
        OptionalInt(obj, path, name, id, min, max) ?? throw Error(Child(path, name), id, $"'{name}' is required.");

    public int Int(JsonElement value, string path, string? id, int min, int max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Error(path, id, $"expected an integer but found {Describe(value)}.");
        }

        if (number < min || number > max)
        {
            throw Error(path, id, string.Create(CultureInfo.InvariantCulture,
                $"{number} is out of range; expected {min} to {max} inclusive."));
        }

        return number;
    }

    /// <summary>The array's items with their paths; an empty list when the property is missing and not required.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)> Array(JsonElement obj, string path, string name, string? id, bool required)
    {
        var childPath = Child(path, name);
        if (!TryGet(obj, name, out var value))
        {
            return required ? throw Error(childPath, id, $"'{name}' is required.") : [];
        }

        ExpectKind(value, childPath, id, JsonValueKind.Array, "an array");
        return value.EnumerateArray().Select((e, i) => (e, Index(childPath, i))).ToList();
    }

    public T Enum<T>(JsonElement obj, string path, string name, string? id)
        where T : struct, Enum
    {
        var text = RequiredString(obj, path, name, id);
        return ParseEnum<T>(text, Child(path, name), id);
    }

    public T ParseEnum<T>(string text, string path, string? id)
        where T : struct, Enum
    {
        if (!CamelCaseEnum<T>.TryParse(text, out var value))
        {
            throw Error(path, id, $"unknown {typeof(T).Name} '{text}'; expected one of: {CamelCaseEnum<T>.Expected}.");
        }

        return value;
    }

    public LocalDate Date(JsonElement obj, string path, string name, string? id)
    {
        var text = RequiredString(obj, path, name, id);
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success
            ? result.Value
            : throw Error(Child(path, name), id, $"'{text}' is not a valid date (yyyy-MM-dd).");
    }

    public LocalTime Time(JsonElement obj, string path, string name, string? id)
    {
        var text = RequiredString(obj, path, name, id);
        var result = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text);
        return result.Success
            ? result.Value
            : throw Error(Child(path, name), id, $"'{text}' is not a valid time of day (HH:mm).");
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => element.ValueKind.ToString(),
    };
}
