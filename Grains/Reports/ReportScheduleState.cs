using Orleans;
using Dispatch.Grains.Interfaces.Reports;
using NodaTime;

namespace Dispatch.Grains.Reports;

/// <summary>
/// The stored state of a county's report schedule: per cadence (by its lower-case name) the first day of the next
/// period to report on — its report falls due when that period ends — and the index of the reports produced.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.ReportScheduleState")]
public sealed class ReportScheduleState
{
    public Dictionary<string, LocalDate> Pending { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Newest period first; the reports themselves are stored by <c>ReportGrain</c>s.</summary>
    public List<ReportHeader> Reports { get; set; } = [];
}
