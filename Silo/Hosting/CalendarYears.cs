using Dispatch.Grains.Domain.Calendar;
using NodaTime;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Which of the current and next year the working calendar lacks (<see cref="CalendarCoverage"/>), at the silo's clock:
/// logged as a warning when the silo starts, printed in the start banner and shown on /health for the duty board.
/// </summary>
public sealed class CalendarYears(SiloSettings settings, IClock clock, ILogger<CalendarYears> logger) : IHostedService
{
    public IReadOnlyList<int> MissingYears() =>
        CalendarCoverage.MissingYears(settings.Calendar.CoveredYears.ToList(), clock.GetCurrentInstant().InZone(settings.Calendar.Zone).Date);

    public string? Warning() => CalendarCoverage.Warning(MissingYears(), settings.CalendarFile);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Warning() is { } warning)
            logger.LogWarning("{CalendarWarning}", warning);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
