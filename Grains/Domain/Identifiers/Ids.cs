namespace Dispatch.Grains.Domain.Identifiers;

/// <summary>Rules shared by every id in the system (centers, grids, departments, cases, summonses).</summary>
public static class Ids
{
    /// <summary>The longest id accepted, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// True if <paramref name="id"/> is 1 to <see cref="MaxLength"/> characters, each an ASCII letter,
    /// digit, '.', '_' or '-'. Ids that pass are safe in URL path segments and file names.
    /// </summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
