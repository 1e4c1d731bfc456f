using System.Diagnostics.CodeAnalysis;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Stats;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>Parses the query parameters shared by the statistics endpoints; every failure names its field.</summary>
internal static class StatsInput
{
    /// <summary>The earliest date accepted for <c>at</c>.</summary>
    public static readonly LocalDate MinDate = new(2000, 1, 1);

    /// <summary>The latest date accepted for <c>at</c>.</summary>
    public static readonly LocalDate MaxDate = new(2999, 12, 31);

    public static bool TryScope(string? scope, CityModel city, [NotNullWhen(true)] out StatsScopeKind? kind, [NotNullWhen(false)] out FieldError? error)
    {
        kind = null;
        error = null;
        if (string.IsNullOrWhiteSpace(scope))
        {
            error = new FieldError("scope", "A scope is required: a township, county or city center id, or a department id.");
            return false;
        }
        if (StatsScopes.TryResolve(city, scope, out kind)) return true;
        error = city.TryGetCenter(scope, out _)
            ? new FieldError("scope", $"'{scope}' is a village center; statistics are kept for townships, counties, the city and departments.")
            : new FieldError("scope", $"There is no center or department '{scope}'.");
        return false;
    }

    public static bool TryPeriod(string? period, [NotNullWhen(true)] out StatsPeriod? value, [NotNullWhen(false)] out FieldError? error)
    {
        value = period?.Trim().ToLowerInvariant() switch
        {
            "day" => StatsPeriod.Day,
            "week" => StatsPeriod.Week,
            "month" => StatsPeriod.Month,
            "quarter" => StatsPeriod.Quarter,
            _ => null,
        };
        error = value is null
            ? new FieldError("period", string.IsNullOrWhiteSpace(period)
                ? "A period is required: day, week, month or quarter."
                : $"'{period}' is not a period; use day, week, month or quarter.")
            : null;
        return value is not null;
    }

    public static bool TryDate(string? at, LocalDate today, out LocalDate value, [NotNullWhen(false)] out FieldError? error)
    {
        error = null;
        value = today;
        if (string.IsNullOrWhiteSpace(at)) return true;
        var parsed = LocalDatePattern.Iso.Parse(at.Trim());
        if (!parsed.Success)
        {
            error = new FieldError("at", $"'{at}' is not a date YYYY-MM-DD.");
            return false;
        }
        if (parsed.Value < MinDate || parsed.Value > MaxDate)
        {
            error = new FieldError("at", $"{at} is outside {LocalDatePattern.Iso.Format(MinDate)} to {LocalDatePattern.Iso.Format(MaxDate)}.");
            return false;
        }
        value = parsed.Value;
        return true;
    }
}
