using Dispatch.Grains.Interfaces.Faults;
using System.Diagnostics.CodeAnalysis;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Reports;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Reports;

/// <summary>
/// A validated request to produce a county's cadence report now (POST /api/v1/stats/reports <c>{ county, kind, at }</c>):
/// the report of the <see cref="Kind"/> period containing <see cref="At"/>, so far — the period may still be running.
/// </summary>
/// <param name="CountyId">A county center id.</param>
/// <param name="Kind">Daily, weekly, monthly or quarterly.</param>
/// <param name="At">A local date in the period, no later than today (default today).</param>
public sealed record ReportProduction(string CountyId, ReportKind Kind, LocalDate At)
{
    /// <summary>True when <paramref name="county"/> is given but names no center of the city at all (404 rather than 400).</summary>
    public static bool IsUnknownCenter(string? county, CityModel city) =>
        !string.IsNullOrWhiteSpace(county) && !city.TryGetCenter(county.Trim(), out _);

    /// <summary>
    /// Validates the request: <paramref name="county"/> a county center id (required); <paramref name="kind"/> required;
    /// <paramref name="at"/> no later than <paramref name="today"/> (a period that has not begun has nothing to report), or
    /// null for today. On failure <paramref name="error"/> names the first offending field.
    /// </summary>
    public static bool TryCreate(string? county, ReportKind? kind, LocalDate? at, CityModel city, LocalDate today,
        [NotNullWhen(true)] out ReportProduction? production, [NotNullWhen(false)] out FieldError? error)
    {
        production = null;
        var id = county?.Trim();
        if (string.IsNullOrEmpty(id) || !city.TryGetCenter(id, out var center) || center.Level != CenterLevel.County)
        {
            error = new FieldError("county", string.IsNullOrEmpty(id) ? Fault.Of("countyRequired") : Fault.Of("notCounty", ("county", county)));
            return false;
        }
        if (kind is not { } value || !Enum.IsDefined(value))
        {
            error = new FieldError("kind", Fault.Of("reportKindRequired"));
            return false;
        }
        var date = at ?? today;
        if (date < StatsInput.MinDate || date > today)
        {
            error = new FieldError("at", Fault.Of("reportDateRange", ("at", LocalDatePattern.Iso.Format(date)),
                ("min", LocalDatePattern.Iso.Format(StatsInput.MinDate)), ("max", LocalDatePattern.Iso.Format(today))));
            return false;
        }
        error = null;
        production = new ReportProduction(id, value, date);
        return true;
    }
}
