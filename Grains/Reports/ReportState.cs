using Orleans;
using Dispatch.Grains.Interfaces.Reports;

namespace Dispatch.Grains.Reports;

/// <summary>The stored state of one cadence report: the report, or null before it is stored.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.ReportState")]
public sealed class ReportState
{
    public CadenceReport? Report { get; set; }
}
