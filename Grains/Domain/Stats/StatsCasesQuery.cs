using Dispatch.Grains.Interfaces.Faults;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Dispatch.Grains.Domain.City;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>
/// A validated drill-down query (GET /api/v1/stats/cases?scope=&amp;period=&amp;at=&amp;metric=&amp;page=&amp;pageSize=):
/// the cases behind one figure of <see cref="Stats"/>, a page at a time.
/// </summary>
/// <param name="Stats">The scope and period, as for the statistics themselves.</param>
/// <param name="Metric">The figure.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Cases a page (1..<see cref="MaxPageSize"/>).</param>
public sealed record StatsCasesQuery(StatsQuery Stats, StatsMetric Metric, int Page, int PageSize)
{
    /// <summary>The page size when none is given.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page size accepted.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The highest page accepted (deeper pages are not worth their offset).</summary>
    public const int MaxPage = 10_000;

    /// <summary>
    /// Validates the raw query parameters as <see cref="StatsQuery.TryParse"/> does, plus <paramref name="metric"/>
    /// (required: one of <see cref="StatsMetrics.Names"/>), <paramref name="page"/> (1..10000, default 1) and
    /// <paramref name="pageSize"/> (1..100, default 20). On failure <paramref name="error"/> names the first offending field.
    /// </summary>
    public static bool TryParse(string? scope, string? period, string? at, string? metric, string? page, string? pageSize,
        CityModel city, NodaTime.LocalDate today, [NotNullWhen(true)] out StatsCasesQuery? query, [NotNullWhen(false)] out FieldError? error)
    {
        query = null;
        if (!StatsQuery.TryParse(scope, period, at, city, today, out var stats, out error)) return false;
        if (!StatsMetrics.TryParse(metric, out var value))
        {
            error = new FieldError("metric", string.IsNullOrWhiteSpace(metric)
                ? Fault.Of("metricRequired", ("metrics", string.Join(", ", StatsMetrics.Names)))
                : Fault.Of("notMetric", ("metric", metric), ("metrics", string.Join(", ", StatsMetrics.Names))));
            return false;
        }
        if (!TryNumber(page, "page", 1, 1, MaxPage, out var p, out error)) return false;
        if (!TryNumber(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize, out var size, out error)) return false;
        query = new StatsCasesQuery(stats, value.Value, p, size);
        return true;
    }

    private static bool TryNumber(string? text, string field, int fallback, int min, int max, out int value, [NotNullWhen(false)] out FieldError? error)
    {
        error = null;
        value = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
        error = new FieldError(field, Fault.Of("notWholeNumber", ("text", text), ("min", min), ("max", max)));
        return false;
    }
}
