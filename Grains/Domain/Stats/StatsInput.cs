using Dispatch.Grains.Interfaces.Faults;
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
            error = new FieldError("scope", Fault.Of("scopeRequired"));
            return false;
        }
        if (StatsScopes.TryResolve(city, scope, out kind)) return true;
        error = city.TryGetCenter(scope, out _)
            ? new FieldError("scope", Fault.Of("villageScope", ("scope", scope)))
            : new FieldError("scope", Fault.Of("noScope", ("scope", scope)));
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
                ? Fault.Of("periodRequired")
                : Fault.Of("notPeriod", ("period", period)))
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
            error = new FieldError("at", Fault.Of("notDate", ("at", at)));
            return false;
        }
        if (parsed.Value < MinDate || parsed.Value > MaxDate)
        {
            error = new FieldError("at", Fault.Of("dateOutOfRange", ("at", at), ("min", LocalDatePattern.Iso.Format(MinDate)), ("max", LocalDatePattern.Iso.Format(MaxDate))));
            return false;
        }
        value = parsed.Value;
        return true;
    }
}
