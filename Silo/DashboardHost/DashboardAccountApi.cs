using System.Security.Claims;
using Dispatch.Grains.Domain.City;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Extensions;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Silo.DashboardHost;

/// <summary>
/// The dashboard's sign-in and sign-out (form posts with antiforgery tokens). Sign-in takes a demo identity — any role
/// and scope, only when dev tokens are on, exactly as <c>POST /api/v1/auth/dev-token</c> — or a bearer token issued
/// by operators (one of the silo's own JWTs), checked like the API checks it; either way the principal is the API's (role, scope, name) and is kept
/// in the <see cref="DispatchSiloExtensions.InteractiveScheme"/> cookie.
/// </summary>
public static class DashboardAccountApi
{
    public const string SignInPage = "/signin";

    public static IEndpointRouteBuilder MapDashboardAccount(this IEndpointRouteBuilder routes, string signIn, string signOut)
    {
        routes.MapPost(signIn, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        // Sign-out reads no form field, so antiforgery is asked for explicitly: no other site can sign a user out.
        routes.MapPost(signOut, (Delegate)SignOutAsync).AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return routes;
    }

    public static async Task<IResult> SignInAsync(
        [FromForm] SignInForm form, HttpContext context, CityModel city, TokenService tokens, SiloSettings settings, ILoggerFactory loggers)
    {
        ClaimsPrincipal principal;
        if (!string.IsNullOrWhiteSpace(form.Token))
        {
            var (token, _) = await tokens.ValidateAsync(form.Token.Trim());
            if (token is null)
                return Back(form, "token");
            var (checkedPrincipal, _) = DispatchPrincipal.From(token, DispatchPrincipal.ClaimNames.Own, city, DispatchSiloExtensions.InteractiveScheme);
            if (checkedPrincipal is null)
                return Back(form, "token");
            principal = checkedPrincipal;
        }
        else
        {
            if (!settings.DevTokens)
                return Back(form, "demo");
            var scope = string.IsNullOrWhiteSpace(form.Scope) ? null : form.Scope.Trim();
            if (PrincipalRules.Check(city, form.Role, scope) is not null)
                return Back(form, "identity");
            principal = DispatchPrincipal.Create(form.Role!, scope, PrincipalRules.DefaultName(city, form.Role!, scope), null, null,
                DispatchSiloExtensions.InteractiveScheme);
        }

        await context.SignInAsync(DispatchSiloExtensions.InteractiveScheme, principal);
        loggers.CreateLogger(typeof(DashboardAccountApi)).LogInformation("Dashboard sign-in: {Actor} ({Name})", principal.ToActor(), principal.Identity?.Name);
        return Results.LocalRedirect(IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/");
    }

    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(DispatchSiloExtensions.InteractiveScheme);
        return Results.LocalRedirect(SignInPage);
    }

    private static IResult Back(SignInForm form, string error)
    {
        var url = $"{SignInPage}?error={error}";
        if (IsLocal(form.ReturnUrl))
            url += $"&ReturnUrl={Uri.EscapeDataString(form.ReturnUrl!)}";
        return Results.LocalRedirect(url);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
