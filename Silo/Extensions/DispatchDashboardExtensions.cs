using Dispatch.Dashboard.Hosting;
using Dispatch.Dashboard.Services;
using Dispatch.Silo.DashboardHost;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Extensions;

public static class DispatchDashboardExtensions
{
    /// <summary>Where Orleans' dashboard is served.</summary>
    public const string OrleansDashboardPath = "/orleans";

    /// <summary>How long a dashboard sign-in lasts without use.</summary>
    public static TimeSpan SignInLifetime { get; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The dashboard (Dashboard.Blazor) in the silo: its pages, the backend that runs them on the API's own operations,
    /// and the sign-in cookie (<see cref="DispatchSiloExtensions.InteractiveScheme"/>), which the default scheme picks for
    /// requests that carry no bearer token outside /api. Demo identities are offered when dev tokens are on.
    /// </summary>
    public static WebApplicationBuilder AddDispatchDashboardHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDispatchDashboard(_ => { });
        services.AddOptions<DashboardOptions>().Configure<SiloSettings>((o, settings) => o.DemoIdentities = settings.DevTokens);
        services.AddSingleton<IDashboardBackend, DashboardBackend>();
        services.AddAuthentication().AddCookie(DispatchSiloExtensions.InteractiveScheme, o =>
        {
            o.LoginPath = DashboardAccountApi.SignInPage;
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "dispatch.signin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = SignInLifetime;
            o.SlidingExpiration = true;
            // The hub answers 401/403 to a connection without a valid sign-in; only pages are sent to the sign-in page.
            o.Events.OnRedirectToLogin = context => RedirectOr(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOr(context, StatusCodes.Status403Forbidden);
        });
        return builder;
    }

    /// <summary>The dashboard's pages, assets, language switch and sign-in endpoints.</summary>
    public static WebApplication MapDispatchDashboardHost(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        MapFrameworkAssets(app);
        app.MapDispatchDashboard();
        app.MapDashboardAccount(options.SignInEndpoint, options.SignOutEndpoint);
        // Orleans' own dashboard (silos, grain activity): admin only, signed in to this dashboard or with a bearer token.
        Orleans.Dashboard.ServiceCollectionExtensions.MapOrleansDashboard(app, OrleansDashboardPath).RequireAuthorization(Auth.Policies.Admin);
        return app;
    }

    /// <summary>The build's static web assets manifest of the silo (Blazor's <c>_framework/blazor.web.js</c>).</summary>
    public const string AssetsManifest = "Dispatch.Silo.staticwebassets.endpoints.json";

    /// <summary>
    /// Serves Blazor's script from this machine, whichever way the silo runs. A published silo has it under
    /// <c>wwwroot/</c> beside its assembly; a built one (<c>dotnet run --project Silo</c>, or the silo inside a test
    /// process, whose application name and content root are the test's) finds it through the build's
    /// <c>.staticwebassets.runtime.json</c>, which points into the NuGet cache. Either way the endpoints come from the
    /// build's <see cref="AssetsManifest"/> beside the assembly.
    /// </summary>
    private static void MapFrameworkAssets(WebApplication app)
    {
        var directory = AppContext.BaseDirectory;
        var manifest = Path.Combine(directory, AssetsManifest);
        if (!File.Exists(manifest))
            throw new SiloStartupException($"{manifest} is missing: build the silo (Silo.csproj sets RequiresAspNetWebAssets).");
        var environment = app.Environment;
        if (!environment.WebRootFileProvider.GetFileInfo("_framework/blazor.web.js").Exists)
        {
            var published = Path.Combine(directory, "wwwroot");
            var runtime = Path.Combine(directory, "Dispatch.Silo.staticwebassets.runtime.json");
            if (File.Exists(Path.Combine(published, "_framework", "blazor.web.js")))
            {
                environment.WebRootPath = published;
                environment.WebRootFileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(published);
            }
            else if (File.Exists(runtime))
            {
                var settings = new ConfigurationBuilder()
                    .AddInMemoryCollection([new(WebHostDefaults.StaticWebAssetsKey, runtime)])
                    .Build();
                Microsoft.AspNetCore.Hosting.StaticWebAssets.StaticWebAssetsLoader.UseStaticWebAssets(environment, settings);
            }
        }
        // A build's manifest turns on ASP.NET's development runtime handler, whose GET-only '{**path:file}' fallback
        // makes every other method on an unknown path answer 405 instead of 404; the silo serves no files outside
        // the manifest, so the fallback goes.
        app.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        app.MapStaticAssets(manifest);
    }

    private static Task RedirectOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Auth.AuthSchemes.TakesQueryToken(context.Request))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
