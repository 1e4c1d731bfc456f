using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace Dispatch.Dashboard.Localization;

/// <summary>
/// The dashboard's languages: Chinese by default, English on request. The choice lives in the standard culture cookie
/// (set by <c>GET /culture/{name}</c>); the browser's Accept-Language is not consulted, so a page is Chinese unless asked.
/// </summary>
public static class DashboardCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    public static bool IsSupported(string? name) => name is not null && All.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static RequestLocalizationOptions Options()
    {
        var cultures = All.Select(c => new CultureInfo(c)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>The culture cookie's value for <paramref name="name"/>.</summary>
    public static string CookieValue(string name) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name));
}
