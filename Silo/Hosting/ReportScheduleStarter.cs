using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Reports;
using Orleans;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Starts every county's cadence-report schedule (日调度, 周分析, 月研判, 季考评) as the silo starts: each schedule
/// keeps durable reminders, so this is idempotent (every silo of a cluster does it) and reports missed while the silo
/// was down are produced. When the cluster or its store cannot take it just then (a silo rejoining a busy cluster),
/// the silo starts anyway and tries again in the background until it succeeds.
/// </summary>
public sealed class ReportScheduleStarter(IGrainFactory grains, CityModel city, ILogger<ReportScheduleStarter> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReportSchedules.StartAllAsync(grains, city);
            logger.LogInformation("Cadence reports scheduled for every county");
        }
        catch (Exception error) when (Errors.TransientFailures.Is(error) || error is OrleansException)
        {
            logger.LogWarning("Cadence reports could not be scheduled yet ({Message}); trying again in the background", error.Message);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pause, stoppingToken);
                await ReportSchedules.StartAllAsync(grains, city);
                logger.LogInformation("Cadence reports scheduled for every county");
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning("Cadence reports could not be scheduled yet ({Message}); trying again", error.Message);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying;
    }
}
