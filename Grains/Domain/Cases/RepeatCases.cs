using System.Globalization;
using System.Text;
using Dispatch.Grains.Interfaces.Cases;
using NodaTime;

namespace Dispatch.Grains.Domain.Cases;

/// <summary>
/// Repeat cases (重复件): how alike two summaries are, which earlier cases a new report may repeat, and which of two
/// linked cases is the repeat.
/// </summary>
/// <remarks>
/// Similarity is the Jaccard index of the two summaries' sets of character bigrams (pairs of neighbouring characters),
/// after dropping whitespace and punctuation and lower-casing: |A ∩ B| / |A ∪ B|, 0 to 1. It needs no word segmentation,
/// so it suits Chinese; a summary of one character is its own single "bigram". <see cref="Threshold"/> is 0.4: "小区门口路灯不亮"
/// and "小区门口的路灯不亮了" share 6 of 10 bigrams (0.6), while two unrelated complaints in the same grid rarely share
/// more than one or two.
/// </remarks>
public static class RepeatCases
{
    /// <summary>The similarity from which an earlier case is suggested as repeated.</summary>
    public const double Threshold = 0.4;

    /// <summary>How many suggestions a report returns at most (the most similar first).</summary>
    public const int MaxSuggestions = 5;

    /// <summary>The Jaccard index of the character bigrams of <paramref name="a"/> and <paramref name="b"/>; 0 when either has none.</summary>
    public static double Similarity(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var common = x.Count(y.Contains);
        return (double)common / (x.Count + y.Count - common);
    }

    /// <summary>
    /// Whether a case that left the open states at <paramref name="resolvedAt"/> (null: still open) is recent enough
    /// at <paramref name="now"/> to be repeated: open, or resolved within <paramref name="window"/>.
    /// </summary>
    public static bool IsCandidate(Instant? resolvedAt, Instant now, Duration window) => resolvedAt is not { } at || now - at <= window;

    /// <summary>
    /// The suggestions among <paramref name="candidates"/> (case id, summary) for <paramref name="summary"/>: similarity at
    /// least <see cref="Threshold"/>, most similar first (then the newer id), at most <see cref="MaxSuggestions"/>.
    /// </summary>
    public static IReadOnlyList<(string CaseId, double Similarity)> Suggest(string summary, IEnumerable<(string CaseId, string Summary)> candidates) =>
        candidates.Select(c => (c.CaseId, Similarity: Math.Round(Similarity(summary, c.Summary), 3)))
            .Where(c => c.Similarity >= Threshold)
            .OrderByDescending(c => c.Similarity).ThenByDescending(c => c.CaseId, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();

    /// <summary>
    /// The earliest linked case reported before this one (<paramref name="createdAt"/>, then the id breaks a tie): the case
    /// this one repeats; null when none was reported before it.
    /// </summary>
    public static string? RepeatOf(string caseId, Instant createdAt, IEnumerable<LinkedCase> linked) =>
        linked.Where(l => l.CreatedAt < createdAt || (l.CreatedAt == createdAt && string.CompareOrdinal(l.CaseId, caseId) < 0))
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.CaseId, StringComparer.Ordinal)
            .Select(l => l.CaseId).FirstOrDefault();

    private static HashSet<string> Bigrams(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune) || category == UnicodeCategory.Control) continue;
            kept.Append(Rune.ToLowerInvariant(rune).ToString());
        }
        var chars = kept.ToString().EnumerateRunes().Select(r => r.ToString()).ToList();
        if (chars.Count == 1) return [chars[0]];
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Count; i++) set.Add(chars[i] + chars[i + 1]);
        return set;
    }
}
