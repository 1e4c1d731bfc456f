using System.Globalization;
using Dispatch.Grains.Domain;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Interfaces;
using NodaTime;
using Orleans;

namespace Dispatch.Silo.Cases;

/// <summary>
/// Picks ids for new cases: <c>C-yyyyMMdd-NNNNNN</c>, the report date in Asia/Shanghai and that day's counter
/// (<see cref="ICaseIdBlockGrain"/>), zero-padded to six digits — short, fixed-width (up to 999,999 cases a day), so
/// they sort as strings in the order they were handed out by one silo, and unique across silos. Each silo takes a
/// block of <see cref="BlockSize"/> numbers at a time; numbers of a block left unused when a silo stops are skipped.
/// </summary>
/// <remarks>
/// Ids of the earlier format (the milliseconds since local midnight as the counter) stay valid. On the day of an upgrade
/// the counter may meet such an id; the case grain refuses an id that exists (Conflict) and the caller asks again.
/// </remarks>
public sealed class CaseIdAllocator(IClock clock, IGrainFactory grains)
{
    /// <summary>How many numbers a silo takes from a day's counter at once.</summary>
    public const int BlockSize = 50;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private LocalDate _date;
    private long _next;
    private long _end;

    /// <summary>The next case id for today (Asia/Shanghai).</summary>
    /// <exception cref="Orleans.Runtime.OrleansException">The day's counter could not be reached or stored.</exception>
    public async Task<string> NextAsync()
    {
        var today = clock.GetCurrentInstant().InZone(ChinaTime.Zone).Date;
        await _gate.WaitAsync();
        try
        {
            if (today != _date || _next >= _end)
            {
                var first = await grains.GetGrain<ICaseIdBlockGrain>(DayKey(today)).Reserve(BlockSize);
                _date = today;
                _next = first;
                _end = first + BlockSize;
            }
            return CaseId.Create(_date, _next++);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The key of a day's counter grain: <c>yyyyMMdd</c>.</summary>
    public static string DayKey(LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}{date.Month:D2}{date.Day:D2}");
}
