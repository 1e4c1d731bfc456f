using Dispatch.Grains.Interfaces.Stats;
using NodaTime;

namespace Dispatch.Grains.Domain.Stats;

/// <summary>Period arithmetic on Asia/Shanghai local dates (pure functions).</summary>
public static class StatsPeriods
{
    /// <summary>
    /// The local dates of the <paramref name="period"/> containing <paramref name="at"/>: the day itself; Monday to
    /// Sunday; the 1st to the last of the month; the first day of January, April, July or October to the last of
    /// March, June, September or December.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is undefined.</exception>
    public static DateInterval Range(StatsPeriod period, LocalDate at)
    {
        var start = Start(period, at);
        return new DateInterval(start, Next(period, start).PlusDays(-1));
    }

    /// <summary>The first local date of the period containing <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is undefined.</exception>
    public static LocalDate Start(StatsPeriod period, LocalDate at) => period switch
    {
        StatsPeriod.Day => at,
        StatsPeriod.Week => at.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)),
        StatsPeriod.Month => at.With(DateAdjusters.StartOfMonth),
        StatsPeriod.Quarter => new LocalDate(at.Year, (at.Month - 1) / 3 * 3 + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown statistics period."),
    };

    /// <summary>The first local date of the period after the one starting at <paramref name="start"/> (a period start).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is undefined.</exception>
    public static LocalDate Next(StatsPeriod period, LocalDate start) => period switch
    {
        StatsPeriod.Day => start.PlusDays(1),
        StatsPeriod.Week => start.PlusWeeks(1),
        StatsPeriod.Month => start.PlusMonths(1),
        StatsPeriod.Quarter => start.PlusMonths(3),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown statistics period."),
    };

    /// <summary>The first local date of the period before the one containing <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is undefined.</exception>
    public static LocalDate Previous(StatsPeriod period, LocalDate at) => period switch
    {
        StatsPeriod.Day => at.PlusDays(-1),
        StatsPeriod.Week => Start(period, at).PlusWeeks(-1),
        StatsPeriod.Month => Start(period, at).PlusMonths(-1),
        StatsPeriod.Quarter => Start(period, at).PlusMonths(-3),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown statistics period."),
    };

    /// <summary>The local date of <paramref name="instant"/> in Asia/Shanghai: the day bucket it counts in.</summary>
    public static LocalDate DayOf(Instant instant) => instant.InZone(ChinaTime.Zone).Date;

    /// <summary>00:00 Asia/Shanghai on <paramref name="date"/>.</summary>
    public static Instant StartOfDay(LocalDate date) => date.AtStartOfDayInZone(ChinaTime.Zone).ToInstant();
}
