using System.Text.Json;
using Dispatch.Grains.Domain.Json;
using NodaTime;
using NodaTime.Text;

namespace Dispatch.Grains.Domain.Calendar;

/// <summary>Reads and validates the calendar file; see <see cref="WorkingCalendar.Parse"/> for the format.</summary>
internal static class CalendarFileReader
{
    /// <summary>The longest holiday range accepted, in days (catches a mistyped month).</summary>
    private const int MaxHolidayDays = 31;

    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    private static readonly LocalTimePattern Hm = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static WorkingCalendar Read(string json, string fileName)
    {
        var source = new JsonSource(fileName, (f, p, id, problem, inner) => new CalendarFileException(f, p, id, problem, inner));
        using var document = source.Parse(json);
        var root = document.RootElement;
        source.AllowOnly(root, "$", null, "timeZone", "workingHours", "years");

        var zone = ReadZone(source, root);
        var hours = ReadWorkingHours(source, root);

        var years = new HashSet<int>();
        var holidays = new Dictionary<LocalDate, string>();
        var makeUpDays = new Dictionary<LocalDate, string>();
        foreach (var (year, yearPath) in source.Array(root, "$", "years", null, required: true))
        {
            source.ExpectKind(year, yearPath, null, JsonValueKind.Object, "an object");
            source.AllowOnly(year, yearPath, null, "year", "source", "holidays", "workingDays");
            var number = source.RequiredInt(year, yearPath, "year", null, 1900, 2200);
            if (!years.Add(number))
            {
                throw source.Error(JsonSource.Child(yearPath, "year"), number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "the year is listed twice.");
            }

            source.OptionalString(year, yearPath, "source", null);
            ReadHolidays(source, year, yearPath, holidays, makeUpDays);
            ReadMakeUpDays(source, year, yearPath, holidays, makeUpDays);
        }

        return new WorkingCalendar(zone, hours, holidays.Keys.ToHashSet(), makeUpDays.Keys.ToHashSet(), years);
    }

    private static DateTimeZone ReadZone(JsonSource source, JsonElement root)
    {
        var zoneId = source.OptionalString(root, "$", "timeZone", null) ?? ChinaTime.Zone.Id;
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw source.Error("$.timeZone", zoneId, $"unknown time zone '{zoneId}' (expected a TZDB id such as Asia/Shanghai).");
    }

    private static List<WorkingPeriod> ReadWorkingHours(JsonSource source, JsonElement root)
    {
        var items = source.Array(root, "$", "workingHours", null, required: false);
        if (items.Count == 0)
        {
            return [new(new LocalTime(8, 30), new LocalTime(12, 0)), new(new LocalTime(13, 30), new LocalTime(17, 30))];
        }

        var hours = new List<WorkingPeriod>();
        foreach (var (item, path) in items)
        {
            source.ExpectKind(item, path, null, JsonValueKind.Object, "an object");
            source.AllowOnly(item, path, null, "from", "to");
            var from = source.Time(item, path, "from", null);
            var to = source.Time(item, path, "to", null);
            var id = $"{Hm.Format(from)}-{Hm.Format(to)}";
            if (from >= to)
            {
                throw source.Error(path, id, "'from' must be earlier than 'to' (periods cannot cross midnight).");
            }

            if (hours.Count > 0 && from < hours[^1].End)
            {
                throw source.Error(path, id, "working periods must be listed in order and must not overlap.");
            }

            hours.Add(new WorkingPeriod(from, to));
        }

        return hours;
    }

    private static void ReadHolidays(
        JsonSource source, JsonElement year, string yearPath,
        Dictionary<LocalDate, string> holidays, Dictionary<LocalDate, string> makeUpDays)
    {
        foreach (var (item, path) in source.Array(year, yearPath, "holidays", null, required: false))
        {
            source.ExpectKind(item, path, null, JsonValueKind.Object, "an object");
            source.AllowOnly(item, path, null, "name", "from", "to");
            source.OptionalString(item, path, "name", null);
            var from = source.Date(item, path, "from", null);
            var to = source.Date(item, path, "to", null);
            var id = $"{Iso.Format(from)}..{Iso.Format(to)}";
            if (to < from)
            {
                throw source.Error(JsonSource.Child(path, "to"), id, "'to' is earlier than 'from'.");
            }

            if (Period.DaysBetween(from, to) >= MaxHolidayDays)
            {
                throw source.Error(path, id, $"a holiday range may span at most {MaxHolidayDays} days.");
            }

            for (var date = from; date <= to; date = date.PlusDays(1))
            {
                var dateText = Iso.Format(date);
                if (holidays.TryGetValue(date, out var other))
                {
                    throw source.Error(path, dateText, $"the date is already a holiday at {other}.");
                }

                if (makeUpDays.TryGetValue(date, out other))
                {
                    throw source.Error(path, dateText, $"the date is listed both as a holiday and as a make-up working day at {other}.");
                }

                holidays.Add(date, path);
            }
        }
    }

    private static void ReadMakeUpDays(
        JsonSource source, JsonElement year, string yearPath,
        Dictionary<LocalDate, string> holidays, Dictionary<LocalDate, string> makeUpDays)
    {
        foreach (var (item, path) in source.Array(year, yearPath, "workingDays", null, required: false))
        {
            source.ExpectKind(item, path, null, JsonValueKind.Object, "an object");
            source.AllowOnly(item, path, null, "name", "date");
            source.OptionalString(item, path, "name", null);
            var date = source.Date(item, path, "date", null);
            var dateText = Iso.Format(date);
            if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                throw source.Error(JsonSource.Child(path, "date"), dateText,
                    $"a make-up working day must be a Saturday or Sunday, but it is a {date.DayOfWeek}.");
            }

            if (makeUpDays.TryGetValue(date, out var other))
            {
                throw source.Error(path, dateText, $"the date is already a make-up working day at {other}.");
            }

            if (holidays.TryGetValue(date, out other))
            {
                throw source.Error(path, dateText, $"the date is listed both as a make-up working day and as a holiday at {other}.");
            }

            makeUpDays.Add(date, path);
        }
    }
}
