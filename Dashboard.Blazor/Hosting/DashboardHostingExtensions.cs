using Dispatch.Dashboard.Components;
using Dispatch.Dashboard.Live;
using Dispatch.Dashboard.Localization;
using Dispatch.Dashboard.Services;
using System.Security.Claims;
using Dispatch.Grains.Domain;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using NodaTime;

namespace Dispatch.Dashboard.Hosting;

/// <summary>
/// Hosting the dashboard in an ASP.NET Core app. The host also registers an <see cref="IDashboardBackend"/>, an
/// authentication scheme whose sign-in the <see cref="DashboardOptions.SignInEndpoint"/> performs, serves Blazor's
/// script (<c>_framework/blazor.web.js</c>, e.g. with MapStaticAssets), feeds <see cref="ActivityHistory"/> with every
/// live event and hands every coalesced batch of live events to <see cref="LiveFeed"/>.
/// </summary>
public static class DashboardHostingExtensions
{
    /// <summary>
    /// Razor components (the working pages interactive on the server, sign-in static), authentication state,
    /// localization (zh-CN default, en), the activity history and the live feed of the interactive pages.
    /// </summary>
    public static IServiceCollection AddDispatchDashboard(this IServiceCollection services, Action<DashboardOptions> configure)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Chinese text as UTF-8, not as character references: "&#x6F14;" is 8 bytes where 演 is 3, and the sign-in
        // page's pickers alone name thousands of grids and departments. HTML's own characters are still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddLocalization();
        services.AddSingleton<ActivityHistory>();
        services.AddSingleton<LiveFeed>();
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
        MapStatsDownloads(app);
        MapAttachmentDownloads(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// The statistics page's downloads, on the sign-in cookie (the API's /api routes take bearer tokens only):
    /// <c>GET /stats/csv?scope=&amp;period=&amp;at=</c>, <c>GET /stats/ranking.csv?scope=&amp;period=&amp;at=&amp;by=</c>
    /// (validated as the API validates them: 400 problem; <c>&amp;lang=zh</c> gives the Chinese CSV for Excel, see
    /// <see cref="StatsCsvChinese"/>, any other lang is 400) and a county's cadence reports
    /// <c>GET /stats/reports/{id}/html</c> and <c>/csv</c>. Read rights are the API's (403 problem).
    /// </summary>
    private static void MapStatsDownloads(WebApplication app)
    {
        var group = app.MapGroup("/stats").RequireAuthorization().ExcludeFromDescription();
        group.MapGet("/csv", async (string? scope, string? period, string? at, string? lang, ClaimsPrincipal user, IDashboardBackend backend, CityModel city, IClock clock) =>
        {
            if (!StatsQuery.TryParse(scope, period, at, city, Today(clock), out var query, out var error))
                return Invalid(error);
            if (!TryChinese(lang, out var chinese))
                return Invalid(LangError);
            var result = await backend.GetStatsAsync(user, query);
            return result.Succeeded
                ? Csv(chinese ? StatsCsvChinese.Render(result.Value!, city.UnitName) : StatsCsv.Render(result.Value!), $"stats-{query.Scope}-{query.Period.ToString().ToLowerInvariant()}-{query.Dates.Start:yyyy-MM-dd}.csv")
                : Failed(result);
        });
        group.MapGet("/ranking.csv", async (string? scope, string? period, string? at, string? by, string? lang, ClaimsPrincipal user, IDashboardBackend backend, CityModel city, IClock clock) =>
        {
            if (!RankingQuery.TryParse(scope, period, at, by, city, Today(clock), out var query, out var error))
                return Invalid(error);
            if (!TryChinese(lang, out var chinese))
                return Invalid(LangError);
            var result = await backend.RankAsync(user, query);
            return result.Succeeded
                ? Csv(chinese ? StatsCsvChinese.RenderRanking(result.Value!, city.UnitName) : StatsCsv.RenderRanking(result.Value!), $"ranking-{query.Scope}-{query.By.ToString().ToLowerInvariant()}-{query.Period.ToString().ToLowerInvariant()}-{query.Dates.Start:yyyy-MM-dd}.csv")
                : Failed(result);
        });
        group.MapGet("/reports/{id}/html", async (string id, ClaimsPrincipal user, IDashboardBackend backend) =>
        {
            var result = await backend.ReportDocumentAsync(user, id, csv: false);
            return result.Succeeded ? Results.Text(result.Value!, "text/html; charset=utf-8") : Failed(result);
        });
        group.MapGet("/reports/{id}/csv", async (string id, ClaimsPrincipal user, IDashboardBackend backend) =>
        {
            var result = await backend.ReportDocumentAsync(user, id, csv: true);
            return result.Succeeded ? Csv(result.Value!, $"{id}.csv") : Failed(result);
        });
    }

    /// <summary>
    /// The case page's photos and documents, on the sign-in cookie: <c>GET /cases/{id}/attachments/{n}</c> serves the
    /// stored bytes with their content type to whoever may read the case (the API's rule: 403/404 problem), images
    /// inline and PDFs as a download, never sniffed by the browser.
    /// </summary>
    private static void MapAttachmentDownloads(WebApplication app)
    {
        app.MapGet("/cases/{id}/attachments/{n}", async (string id, string n, HttpResponse response, ClaimsPrincipal user, IDashboardBackend backend) =>
        {
            if (!int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
                return Results.Problem($"Case {id} has no attachment '{n}'.", statusCode: StatusCodes.Status404NotFound);
            var result = await backend.AttachmentAsync(user, id, number);
            if (!result.Succeeded)
                return Failed(result);
            var (attachment, content) = result.Value!;
            var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(attachment.ContentType.StartsWith("image/", StringComparison.Ordinal) ? "inline" : "attachment");
            disposition.SetHttpFileName(attachment.FileName ?? $"{id}-{attachment.N}{Extension(attachment.ContentType)}");
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.CacheControl = "private, no-store";
            return Results.Bytes(content, attachment.ContentType);
        }).RequireAuthorization().ExcludeFromDescription();
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "application/pdf" => ".pdf",
        _ => "",
    };

    private static readonly FieldError LangError = new("lang", "lang is zh for the Chinese CSV, or absent for the API's columns.");

    /// <summary>The CSV language: absent for the API's columns, "zh" for <see cref="StatsCsvChinese"/>; false for anything else.</summary>
    private static bool TryChinese(string? lang, out bool chinese)
    {
        chinese = string.Equals(lang, "zh", StringComparison.OrdinalIgnoreCase);
        return chinese || lang is null;
    }

    private static LocalDate Today(IClock clock) => clock.GetCurrentInstant().InZone(ChinaTime.Zone).Date;

    private static IResult Csv(string csv, string fileName) =>
        Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);

    private static IResult Invalid(FieldError error) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [error.Field] = [error.Message] });

    private static IResult Failed<T>(DashboardResult<T> result) => result.Outcome switch
    {
        Outcome.Forbidden => Results.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden),
        Outcome.NotFound => Results.Problem(result.Message, statusCode: StatusCodes.Status404NotFound),
        Outcome.Invalid => Results.Problem(result.Message, statusCode: StatusCodes.Status400BadRequest),
        _ => Results.Problem(result.Message, statusCode: StatusCodes.Status503ServiceUnavailable),
    };

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
