using System.Security.Claims;
using System.Text.Encodings.Web;
using Dispatch.Grains.Domain.City;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dispatch.Silo.Auth;

/// <summary>
/// The "Bearer" scheme: validates <see cref="TokenService"/> tokens from the Authorization header and answers
/// challenges (401) and forbidden requests (403) with problem+json.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens,
    CityModel city,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string FailureKey = "Dispatch.AuthFailure";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Fail("The Authorization header must be 'Bearer <token>'.");

        var token = header["Bearer ".Length..].Trim();
        if (!tokens.TryValidate(token, out var payload, out var error))
            return Fail(error!);
        if (PrincipalRules.Check(city, payload!.Role, payload.Scope) is { } problem)
            return Fail($"The token's {problem.Field} is not valid in this city: {problem.Message}");

        List<Claim> claims = [new(DispatchClaims.Role, payload.Role), new(DispatchClaims.Name, payload.Name)];
        if (!string.IsNullOrEmpty(payload.Scope))
            claims.Add(new Claim(DispatchClaims.Scope, payload.Scope));
        var identity = new ClaimsIdentity(claims, Scheme.Name, DispatchClaims.Name, DispatchClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[FailureKey] as string;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = reason is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await WriteAsync(Problems.Unauthorized(reason ?? "This call needs 'Authorization: Bearer <token>'."));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var actor = Context.User.Identity?.IsAuthenticated == true ? Context.User.ToActor().ToString() : "this principal";
        await WriteAsync(Problems.Forbidden($"The role of {actor} may not make this call."));
    }

    private Task<AuthenticateResult> Fail(string reason)
    {
        Context.Items[FailureKey] = reason;
        return Task.FromResult(AuthenticateResult.Fail(reason));
    }

    private async Task WriteAsync(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
}
