using Dispatch.Dashboard.Live;
using Dispatch.Dashboard.Localization;
using Dispatch.Dashboard.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Dispatch.Dashboard.Hosting;

/// <summary>
/// Hosting the dashboard in an ASP.NET Core app. The host also registers an <see cref="IDashboardBackend"/>, an
/// authentication scheme whose sign-in the <see cref="DashboardOptions.SignInEndpoint"/> performs, a SignalR hub at
/// <see cref="DashboardOptions.HubPath"/> that the pages' script watches, and feeds <see cref="ActivityHistory"/> with
/// every live event.
/// </summary>
public static class DashboardHostingExtensions
{
    /// <summary>Server-rendered Razor components, authentication state, localization (zh-CN default, en) and the activity history.</summary>
    public static IServiceCollection AddDispatchDashboard(this IServiceCollection services, Action<DashboardOptions> configure)
    {
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddLocalization();
        services.AddSingleton<ActivityHistory>();
        services.Configure(configure);
        return services;
    }

    /// <summary>
    /// The dashboard's middleware and endpoints: request culture from the culture cookie, antiforgery, the embedded
    /// assets under <see cref="DashboardAssets.Path"/>, <c>GET /culture/{name}?redirectUri=</c> to switch language, and
    /// the pages. Call after authentication and authorization are in the pipeline.
    /// </summary>
    public static WebApplication MapDispatchDashboard(this WebApplication app)
    {
        app.UseRequestLocalization(DashboardCultures.Options());
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(DashboardAssets).Assembly, DashboardAssets.ResourceNamespace),
            RequestPath = "/" + DashboardAssets.Path,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseAntiforgery();
        app.MapGet("/culture/{name}", SetCulture).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>Stores the language in the culture cookie and goes back to <paramref name="redirectUri"/> (a local path).</summary>
    private static IResult SetCulture(string name, string? redirectUri, HttpContext context)
    {
        if (!DashboardCultures.IsSupported(name))
            return Results.BadRequest();
        context.Response.Cookies.Append(
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
            DashboardCultures.CookieValue(DashboardCultures.All.First(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return Results.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "/");
    }

    private static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri) && uri[0] == '/' && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\'));
}
