using Dispatch.Grains.Domain;
using Dispatch.Grains.Domain.Identifiers;
using NodaTime;

namespace Dispatch.Silo.Cases;

/// <summary>
/// Picks ids for new cases: <c>C-yyyyMMdd-n</c> with the report date in Asia/Shanghai and n at least the milliseconds
/// since local midnight plus one, strictly increasing within the process. Ids so stay unique across restarts; another
/// silo may pick the same id at the same moment, which the case grain refuses (Conflict) and the caller retries with
/// <see cref="Next"/>.
/// </summary>
public sealed class CaseIdAllocator(IClock clock)
{
    private readonly Lock _gate = new();
    private LocalDate _date;
    private long _last;

    public string Next()
    {
        var now = clock.GetCurrentInstant().InZone(ChinaTime.Zone);
        var floor = now.TimeOfDay.TickOfDay / NodaConstants.TicksPerMillisecond + 1;
        lock (_gate)
        {
            if (now.Date != _date)
            {
                _date = now.Date;
                _last = 0;
            }
            _last = Math.Max(_last + 1, floor);
            return CaseId.Create(_date, _last);
        }
    }
}
