using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Silo.Api.Binding;
using NodaTime;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>
/// POST /api/v1/stats/reports: produce a county's cadence report of the period containing <see cref="At"/> (default
/// today, never after it) now — the period so far when it is still running — replacing a stored report of that period.
/// </summary>
public sealed record ProduceReportRequest(
    [property: IdField(Required = true)] string? County,
    [property: Value(Required = true)] ReportKind? Kind,
    [property: Value] LocalDate? At) : IRequestBody;
