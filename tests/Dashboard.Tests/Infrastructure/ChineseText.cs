using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dispatch.Dashboard.Tests.Infrastructure;

/// <summary>
/// The one check that a Chinese page carries no English: Latin-script words of two letters or more in what a user
/// reads — the visible text, the page's title, and the <c>title</c>, <c>aria-label</c>, <c>placeholder</c> and
/// <c>alt</c> attributes — other than ids (case, summons, city ids), "CSV", and the language switch's "English".
/// </summary>
public static partial class ChineseText
{
    /// <summary>The Latin words of <paramref name="text"/> once ids and allowed names are taken out, distinct, in order.</summary>
    public static IReadOnlyList<string> LatinWords(string text) =>
        Latin().Matches(Allowed().Replace(text, " ")).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Fails naming the words (and <paramref name="name"/>) when the page shows any Latin words.</summary>
    public static async Task AssertChineseAsync(IPage page, string name)
    {
        var words = await LatinWordsAsync(page);
        Assert.True(words.Count == 0, $"{name}: Latin-script words in the Chinese page: {string.Join(", ", words)}");
    }

    /// <summary>The Latin words a user reads on the page now (see the class summary).</summary>
    public static async Task<IReadOnlyList<string>> LatinWordsAsync(IPage page)
    {
        var text = await page.EvaluateAsync<string>(
            """
            () => [document.title, document.body.innerText,
                   ...[...document.querySelectorAll('[title], [aria-label], [placeholder], img[alt]')]
                      .flatMap(e => ['title', 'aria-label', 'placeholder', 'alt'].map(a => e.getAttribute(a) ?? ''))]
                  .join('\n')
            """);
        return LatinWords(text);
    }

    /// <summary>
    /// What may be Latin in a Chinese page: case ids (C-20261130-000001) and summons ids (….S2), city ids (tc-a-t2-pol),
    /// "CSV", the language switch's "English".
    /// </summary>
    [GeneratedRegex(@"C-\d{8}-\d+(\.S\d+)?|\b[a-z]{2}(-[a-z0-9]+)+\b|\bCSV\b|English")]
    private static partial Regex Allowed();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
