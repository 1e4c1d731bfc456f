using Dispatch.Dashboard.Components;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Extensions;
using Microsoft.AspNetCore.Authentication;
using NodaTime;

namespace Dispatch.Silo.Field;

/// <summary>
/// The grid worker's phone-first report page (/field/report): one static page (embedded Field/report.html) that speaks
/// to the API with the grid worker's bearer token — category, summary, location text, photos from the camera — and
/// retries a report with the same Idempotency-Key until the silo confirms it, so a flaky network never makes two cases.
/// A grid worker signed in to the dashboard needs no pasted token: the page asks <see cref="TokenPath"/> for one.
/// </summary>
public static class FieldReportPage
{
    public const string Path = "/field/report";

    /// <summary>Where the page gets a bearer token for a grid worker signed in to the dashboard (its cookie).</summary>
    public const string TokenPath = "/field/token";

    /// <summary>How long a token handed to the page lasts (as long as an unused sign-in).</summary>
    public static readonly Duration TokenLifetime = Duration.FromHours(12);

    private static readonly Lazy<byte[]> Html = new(() =>
    {
        using var stream = typeof(FieldReportPage).Assembly.GetManifestResourceStream("Dispatch.Silo.Field.report.html")
            ?? throw new InvalidOperationException("The embedded Field/report.html is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapFieldReportPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-cache";
            response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(Html.Value, "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        routes.MapGet(TokenPath, IssueTokenAsync).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    /// <summary>
    /// A bearer token for the grid worker of the dashboard's sign-in cookie (only that cookie counts: a bearer token is
    /// not renewed here), for the page's API calls, with the grid's place (<see cref="CityNames.GridPlace"/>) for its header; 401 problem without a grid worker's sign-in. Not cached; a page
    /// of another site cannot read the answer (no CORS).
    /// </summary>
    private static async Task<IResult> IssueTokenAsync(HttpContext context, IAuthenticationSchemeProvider schemes, TokenService tokens, CityModel city)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (await schemes.GetSchemeAsync(DispatchSiloExtensions.InteractiveScheme) is null)
            return Results.NotFound();
        var signIn = await context.AuthenticateAsync(DispatchSiloExtensions.InteractiveScheme);
        if (signIn.Principal is not { Identity.IsAuthenticated: true } user || user.ToActor() is not { Role: Actor.GridWorker } actor)
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in as a grid worker first.");
        return Results.Ok(new { token = tokens.Issue(actor.Role, actor.Scope, actor.Name, TokenLifetime), place = actor.Scope is null ? null : city.GridPlace(actor.Scope) });
    }
}
