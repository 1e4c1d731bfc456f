using NodaTime;

namespace Dispatch.Grains.Domain.Calendar;

/// <summary>
/// Working days and working hours in one time zone (Asia/Shanghai by default), for deadlines that
/// run on working time. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>A date is a working day if it is listed as a make-up working day (调休); otherwise it is not
/// if it is a listed public holiday or a Saturday or Sunday; otherwise it is.</para>
/// <para><b>Dates outside the file's years</b> (see <see cref="CoveredYears"/>) have no holiday data:
/// Monday to Friday are working days and weekends are not, unless the file happens to list the date
/// (a holiday range may start in the previous year). Deadlines that reach beyond the covered years
/// are therefore approximate; ship a newer calendar file each November when the State Council
/// publishes the next year's schedule.</para>
/// <para>Working hours are half-open local periods (default 08:30–12:00 and 13:30–17:30): an instant
/// at a period's start is working time, one at its end is not.</para>
/// </remarks>
public sealed class WorkingCalendar
{
    private const string ResourceName = "Dispatch.Grains.Data.calendar-cn.json";
    private const string DefaultFileName = "calendar-cn.json";

    private static readonly Lazy<WorkingCalendar> LazyDefault = new(LoadEmbedded);

    private readonly HashSet<LocalDate> _holidays;
    private readonly HashSet<LocalDate> _makeUpDays;

    internal WorkingCalendar(
        DateTimeZone zone, IReadOnlyList<WorkingPeriod> workingHours,
        HashSet<LocalDate> holidays, HashSet<LocalDate> makeUpDays, IEnumerable<int> coveredYears)
    {
        Zone = zone;
        WorkingHours = workingHours.ToArray();
        _holidays = holidays;
        _makeUpDays = makeUpDays;
        CoveredYears = coveredYears.Order().ToArray();
    }

    /// <summary>
    /// The calendar shipped with the engine (<c>Data/calendar-cn.json</c>, embedded in the assembly so it
    /// is found wherever the assembly runs): China 2025 and 2026, Asia/Shanghai, 08:30–12:00 and 13:30–17:30.
    /// </summary>
    public static WorkingCalendar Default => LazyDefault.Value;

    /// <summary>The zone that local dates and working hours refer to.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The daily working periods, in order, non-overlapping, at least one.</summary>
    public IReadOnlyList<WorkingPeriod> WorkingHours { get; }

    /// <summary>The years for which the file lists holidays, ascending.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>Loads a calendar file.</summary>
    /// <exception cref="CalendarFileException">The file is malformed or inconsistent.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static WorkingCalendar Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>
    /// Parses calendar JSON: <c>{ timeZone?, workingHours?: [{ from: "HH:mm", to: "HH:mm" }],
    /// years: [{ year, source?, holidays: [{ name?, from: "yyyy-MM-dd", to: "yyyy-MM-dd" }],
    /// workingDays: [{ name?, date: "yyyy-MM-dd" }] }] }</c>. Holiday ranges are inclusive.
    /// </summary>
    /// <param name="json">The file content.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <exception cref="CalendarFileException">Bad JSON, a bad date or time, a date listed twice or as both holiday and
    /// make-up day, a make-up day on a weekday, overlapping working periods, an unknown time zone.</exception>
    public static WorkingCalendar Parse(string json, string fileName) => CalendarFileReader.Read(json, fileName);

    /// <summary>True if <paramref name="date"/> is a working day (see the remarks for the rule).</summary>
    public bool IsWorkingDay(LocalDate date)
    {
        if (_makeUpDays.Contains(date))
        {
            return true;
        }

        return !_holidays.Contains(date) && date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public LocalDate NextWorkingDay(LocalDate date)
    {
        var next = date.PlusDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.PlusDays(1);
        }

        return next;
    }

    /// <summary>
    /// True if <paramref name="instant"/> falls on a working day inside a working period
    /// (start inclusive, end exclusive).
    /// </summary>
    public bool IsWithinWorkingHours(Instant instant)
    {
        var local = instant.InZone(Zone);
        if (!IsWorkingDay(local.Date))
        {
            return false;
        }

        var time = local.TimeOfDay;
        foreach (var period in WorkingHours)
        {
            if (period.Start <= time && time < period.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time has elapsed after
    /// <paramref name="start"/>, counting only working periods on working days. A start outside working
    /// time begins counting at the next working period's start. The result may be a period's end
    /// (11:00 plus one hour is 12:00, not 13:30). A zero duration gives the first working instant at or
    /// after <paramref name="start"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingTime"/> is negative.</exception>
    public Instant AddWorkingTime(Instant start, Duration workingTime)
    {
        if (workingTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(workingTime), workingTime, "The working time must not be negative.");
        }

        var remaining = workingTime;
        for (var day = start.InZone(Zone).Date; ; day = day.PlusDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var period in WorkingHours)
            {
                var periodEnd = At(day, period.End);
                if (periodEnd <= start)
                {
                    continue;
                }

                var from = Instant.Max(At(day, period.Start), start);
                var available = periodEnd - from;
                if (remaining <= available)
                {
                    return from + remaining;
                }

                remaining -= available;
            }
        }
    }

    /// <summary>
    /// The end of a working day (the end of its last working period, 17:30 by default).
    /// With <paramref name="workingDaysAfter"/> = 0: the end of the working day containing
    /// <paramref name="start"/>, or of the next working day if <paramref name="start"/> is at or after the
    /// end of working hours or on a non-working day (a start before 08:30 on a working day counts as that day).
    /// With n &gt; 0: the end of the n-th working day after that day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDaysAfter"/> is negative.</exception>
    public Instant EndOfWorkingDay(Instant start, int workingDaysAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDaysAfter);
        var dayEnd = WorkingHours[^1].End;
        var local = start.InZone(Zone);
        var day = local.Date;
        if (!IsWorkingDay(day) || local.TimeOfDay >= dayEnd)
        {
            day = NextWorkingDay(day);
        }

        for (var i = 0; i < workingDaysAfter; i++)
        {
            day = NextWorkingDay(day);
        }

        return At(day, dayEnd);
    }

    /// <summary>
    /// The working time between two instants: the total overlap of [<paramref name="from"/>,
    /// <paramref name="to"/>) with working periods on working days. Antisymmetric: if
    /// <paramref name="to"/> is earlier than <paramref name="from"/> the result is negative.
    /// <c>WorkingTimeBetween(s, AddWorkingTime(s, d)) == d</c> for every start s and d ≥ 0.
    /// </summary>
    public Duration WorkingTimeBetween(Instant from, Instant to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var total = Duration.Zero;
        var lastDay = to.InZone(Zone).Date;
        for (var day = from.InZone(Zone).Date; day <= lastDay; day = day.PlusDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var period in WorkingHours)
            {
                var start = Instant.Max(At(day, period.Start), from);
                var end = Instant.Min(At(day, period.End), to);
                if (start < end)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    private Instant At(LocalDate date, LocalTime time) => date.At(time).InZoneLeniently(Zone).ToInstant();

    private static WorkingCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(WorkingCalendar).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), DefaultFileName);
    }
}
