using NodaTime;

namespace Dispatch.Grains.Domain.Calendar;

/// <summary>
/// Whether the working-time calendar covers the years deadlines fall in now: the current year and the next (a deadline
/// set in late December runs into January, and the State Council publishes each year's holidays in the autumn before).
/// Outside its years the calendar knows no holidays and counts Monday to Friday as working days, so a deadline over a
/// Spring Festival week would be days too early.
/// </summary>
public static class CalendarCoverage
{
    /// <summary>The current and the next year of <paramref name="today"/> that <paramref name="coveredYears"/> lacks, ascending.</summary>
    public static IReadOnlyList<int> MissingYears(IReadOnlyCollection<int> coveredYears, LocalDate today) =>
        new[] { today.Year, today.Year + 1 }.Where(y => !coveredYears.Contains(y)).ToList();

    /// <summary>The warning for people and logs; null when nothing is missing.</summary>
    public static string? Warning(IReadOnlyList<int> missingYears, string calendarFile) =>
        missingYears.Count == 0
            ? null
            : $"The working calendar {calendarFile} has no holidays for {string.Join(" and ", missingYears)}: deadlines there count Monday to Friday only. "
              + "Add the State Council's notice for that year to the calendar file (README: Calendar years).";
}
