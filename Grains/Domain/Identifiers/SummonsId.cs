using System.Globalization;

namespace Dispatch.Grains.Domain.Identifiers;

/// <summary>
/// Summons ids encode their case id so that a call on a summons finds its case:
/// <c>{caseId}.S{n}</c>, e.g. <c>C-20261122-000123.S2</c>.
/// </summary>
public static class SummonsId
{
    private const string Separator = ".S";

    /// <summary>Formats the id of the <paramref name="number"/>-th summons of a case.</summary>
    /// <param name="caseId">A valid id (<see cref="Ids.IsValid"/>).</param>
    /// <param name="number">1 or more, numbered per case.</param>
    /// <exception cref="ArgumentException"><paramref name="caseId"/> is invalid, or the result would exceed <see cref="Ids.MaxLength"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is less than 1.</exception>
    public static string Create(string caseId, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        if (!Ids.IsValid(caseId))
        {
            throw new ArgumentException($"'{caseId}' is not a valid id.", nameof(caseId));
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{caseId}{Separator}{number}");
        return id.Length <= Ids.MaxLength
            ? id
            : throw new ArgumentException($"The summons id '{id}' would be longer than {Ids.MaxLength} characters.", nameof(caseId));
    }

    /// <summary>
    /// Splits an id made by <see cref="Create"/> into its case id and number. Returns false if the id is
    /// invalid, has no <c>.S</c> suffix, or the number is not a canonical positive integer (no leading zeros).
    /// The last <c>.S</c> separates, so case ids may themselves contain <c>.S</c>.
    /// </summary>
    public static bool TryParse(string? id, out string caseId, out int number)
    {
        caseId = string.Empty;
        number = 0;
        if (!Ids.IsValid(id))
        {
            return false;
        }

        var at = id!.LastIndexOf(Separator, StringComparison.Ordinal);
        if (at < 1)
        {
            return false;
        }

        var digits = id.AsSpan(at + Separator.Length);
        if (digits.IsEmpty || digits[0] == '0' || digits.Length > 9)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        caseId = id[..at];
        number = int.Parse(digits, CultureInfo.InvariantCulture);
        return true;
    }
}
