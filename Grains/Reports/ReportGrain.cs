using Dispatch.Grains.Engine;
using Dispatch.Grains.Domain.Reports;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Reports;
using Orleans;
using Orleans.Runtime;

namespace Dispatch.Grains.Reports;

/// <summary>One stored cadence report, keyed by its id; rendered to HTML and CSV on request.</summary>
public sealed class ReportGrain([PersistentState("report")] IPersistentState<ReportState> state) : EngineGrain, IReportGrain
{
    public async Task Store(CadenceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Header.Id != GrainKey)
        {
            throw new ArgumentException($"Report {report.Header.Id} cannot be stored as {GrainKey}.", nameof(report));
        }
        state.State.Report = report;
        await state.WriteStateAsync();
    }

    public Task<CadenceReport?> Get() => Task.FromResult(state.State.Report);

    public Task<string?> Html() => Task.FromResult(state.State.Report is { } r ? ReportHtml.Render(r) : null);

    public Task<string?> Csv() => Task.FromResult(state.State.Report is { } r ? ReportCsv.Render(r) : null);
}
