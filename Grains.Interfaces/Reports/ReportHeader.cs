using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Reports;

/// <summary>A stored cadence report as listed: what it covers and when it was produced.</summary>
/// <param name="Id">"<c>{countyId}.{kind}.{yyyy-MM-dd}</c>" (kind in lower case, the date the period's first day); a valid id, safe in URLs.</param>
/// <param name="CountyId">The county center it reports on.</param>
/// <param name="Kind">Daily, weekly, monthly or quarterly.</param>
/// <param name="From">The first local date of the period.</param>
/// <param name="To">The last local date of the period (inclusive).</param>
/// <param name="GeneratedAt">When it was produced (a later production of the same period replaces it).</param>
[GenerateSerializer, Immutable, Alias("dispatch.ReportHeader")]
public sealed record ReportHeader(string Id, string CountyId, ReportKind Kind, LocalDate From, LocalDate To, Instant GeneratedAt);
