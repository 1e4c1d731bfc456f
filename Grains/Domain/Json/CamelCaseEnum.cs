using System.Collections.Frozen;
using System.Text.Json;

namespace Dispatch.Grains.Domain.Json;

/// <summary>
/// Strict camelCase names for an enum, matching what JsonStringEnumConverter(camelCase) writes.
/// Unlike <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/> it rejects numbers and other casings.
/// </summary>
internal static class CamelCaseEnum<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.Ordinal);

    private static readonly FrozenDictionary<T, string> Names = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>The accepted names, comma separated, for error messages.</summary>
    public static string Expected { get; } = string.Join(", ", Enum.GetValues<T>().Select(Name));

    public static bool TryParse(string? text, out T value)
    {
        if (text is not null && ByName.TryGetValue(text, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static string Name(T value) => Names[value];
}
