using Dispatch.Grains.Interfaces.Reports;
using Orleans;
using Orleans.Concurrency;

namespace Dispatch.Grains.Interfaces;

/// <summary>One stored cadence report, keyed by its <see cref="ReportHeader.Id"/>; written by the county's schedule.</summary>
[Alias("dispatch.IReportGrain")]
public interface IReportGrain : IGrainWithStringKey
{
    /// <summary>Stores the report (replacing an earlier production of the same id). The report's id must equal the key.</summary>
    Task Store(CadenceReport report);

    /// <summary>The report, or null when none is stored under this id.</summary>
    [ReadOnly]
    Task<CadenceReport?> Get();

    /// <summary>The report as one self-contained HTML page with Chinese headings (UTF-8), or null when there is none.</summary>
    [ReadOnly]
    Task<string?> Html();

    /// <summary>The report's statistics as CSV (UTF-8 with a byte-order mark, for spreadsheets), or null when there is none.</summary>
    [ReadOnly]
    Task<string?> Csv();
}
