using System.Globalization;
using NodaTime;

namespace Dispatch.Grains.Domain.Identifiers;

/// <summary>
/// Case ids of the form <c>C-yyyyMMdd-nnnnnn</c>: the local report date (Asia/Shanghai) and a
/// sequence number of at least six digits, e.g. <c>C-20261122-000123</c>.
/// </summary>
public static class CaseId
{
    /// <summary>Formats a case id.</summary>
    /// <param name="reportDate">The local date the case was reported; years 1000 to 9999.</param>
    /// <param name="sequence">The sequence number, 1 or more; padded to six digits, wider when larger.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year or the sequence is out of range.</exception>
    public static string Create(LocalDate reportDate, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (reportDate.Year is < 1000 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(reportDate), reportDate, "The year must have four digits.");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"C-{reportDate.Year:D4}{reportDate.Month:D2}{reportDate.Day:D2}-{sequence:D6}");
    }

    /// <summary>
    /// Parses an id made by <see cref="Create"/>. Returns false for anything else, including a
    /// sequence with extra leading zeros (ids must round-trip).
    /// </summary>
    public static bool TryParse(string? id, out LocalDate reportDate, out long sequence)
    {
        reportDate = default;
        sequence = 0;
        if (id is null || id.Length < 17 || !id.StartsWith("C-", StringComparison.Ordinal) || id[10] != '-')
        {
            return false;
        }

        var datePart = id.AsSpan(2, 8);
        var sequencePart = id.AsSpan(11);
        if (!AllDigits(datePart) || !AllDigits(sequencePart) || sequencePart.Length > 18
            || (sequencePart.Length > 6 && sequencePart[0] == '0'))
        {
            return false;
        }

        var year = int.Parse(datePart[..4], CultureInfo.InvariantCulture);
        var month = int.Parse(datePart[4..6], CultureInfo.InvariantCulture);
        var day = int.Parse(datePart[6..], CultureInfo.InvariantCulture);
        var parsedSequence = long.Parse(sequencePart, CultureInfo.InvariantCulture);
        if (year < 1000 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)
            || parsedSequence < 1)
        {
            return false;
        }

        reportDate = new LocalDate(year, month, day);
        sequence = parsedSequence;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }
}
