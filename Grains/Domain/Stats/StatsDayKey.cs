using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>
/// A statistics bucket: one scope (a township or a department) on one local day. Its text form
/// "<c>{scope}|{yyyy-MM-dd}</c>" is the key of the <c>IStatsDayGrain</c> that holds it, and "<c>s|{scope}|{yyyy-MM-dd}</c>"
/// the case-outbox marker that delivers to it.
/// </summary>
public readonly record struct StatsDayKey(string Scope, LocalDate Date)
{
    /// <summary>The outbox marker prefix of statistics deliveries.</summary>
    public const string MarkerPrefix = "s|";

    /// <summary>The grain key, "<c>{scope}|{yyyy-MM-dd}</c>".</summary>
    public string GrainKey => $"{Scope}|{LocalDatePattern.Iso.Format(Date)}";

    /// <summary>The case-outbox marker, "<c>s|{scope}|{yyyy-MM-dd}</c>".</summary>
    public string Marker => MarkerPrefix + GrainKey;

    /// <summary>The key of the day index listing this bucket, "<c>{scope}|{yyyy}</c>".</summary>
    public string IndexKey => IndexKeyOf(Scope, Date.Year);

    /// <summary>The key of a scope's day index for one year, "<c>{scope}|{yyyy}</c>".</summary>
    public static string IndexKeyOf(string scope, int year) => $"{scope}|{year:D4}";

    public override string ToString() => GrainKey;

    /// <summary>Parses a grain key or, when <paramref name="text"/> starts with "s|", a marker.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StatsDayKey? key)
    {
        key = null;
        if (text is null) return false;
        if (text.StartsWith(MarkerPrefix, StringComparison.Ordinal)) text = text[MarkerPrefix.Length..];
        var bar = text.LastIndexOf('|');
        if (bar <= 0) return false;
        var date = LocalDatePattern.Iso.Parse(text[(bar + 1)..]);
        if (!date.Success) return false;
        key = new StatsDayKey(text[..bar], date.Value);
        return true;
    }
}
