using Microsoft.Playwright;

namespace Dispatch.Dashboard.Tests.Infrastructure;

/// <summary>Reading many elements at once.</summary>
public static class Locators
{
    /// <summary>An attribute of every element <paramref name="elements"/> finds, sorted (ordinal).</summary>
    public static async Task<List<string>> SortedAttributesAsync(this ILocator elements, string name)
    {
        var values = new List<string>();
        foreach (var element in await elements.AllAsync())
            values.Add(await element.GetAttributeAsync(name) ?? "");
        return values.Order(StringComparer.Ordinal).ToList();
    }
}
