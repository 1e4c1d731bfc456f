using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Reports;
using Orleans;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Starts every county's cadence-report schedule (日调度, 周分析, 月研判, 季考评) once the silo is up: each schedule
/// keeps durable reminders, so this is idempotent and reports missed while the silo was down are produced.
/// </summary>
public sealed class ReportScheduleStarter(IGrainFactory grains, CityModel city, ILogger<ReportScheduleStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReportSchedules.StartAllAsync(grains, city);
        logger.LogInformation("Cadence reports scheduled for every county");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
