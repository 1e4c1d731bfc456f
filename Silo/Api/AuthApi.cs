using System.Security.Claims;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/auth: dev tokens (only when enabled) and who the caller is.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes, bool devTokens)
    {
        var api = routes.MapGroup("/auth").WithTags("Auth");
        if (devTokens)
        {
            api.MapPost("/dev-token", IssueDevToken)
                .AllowAnonymous()
                .WithName("IssueDevToken")
                .WithSummary("Get a token for any role and scope (dev tokens are on: the embedded default run only)")
                .ProducesValidationProblem();
        }
        api.MapGet("/me", WhoAmI)
            .WithName("WhoAmI")
            .WithSummary("The caller's role, scope and name, from its token");
        return api;
    }

    public static Results<Ok<TokenResponse>, ProblemHttpResult> IssueDevToken(
        JsonBody<DevTokenRequest> body, CityModel city, TokenService tokens, SiloSettings settings, IClock clock)
    {
        var request = body.Value;
        var scope = string.IsNullOrEmpty(request.Scope) ? null : request.Scope;
        if (PrincipalRules.Check(city, request.Role, scope) is { } problem)
            return Problems.Result(Problems.Validation(problem.Field, problem.Message));

        var name = string.IsNullOrWhiteSpace(request.Name) ? PrincipalRules.DefaultName(city, request.Role!, scope) : request.Name.Trim();
        var expiresAt = Instant.FromUnixTimeSeconds((clock.GetCurrentInstant() + Duration.FromTimeSpan(settings.Auth.DevTokenLifetime)).ToUnixTimeSeconds());
        var token = tokens.Issue(request.Role!, scope, name, expiresAt);
        return TypedResults.Ok(new TokenResponse(token, request.Role!, scope, name, expiresAt));
    }

    public static Ok<Actor> WhoAmI(ClaimsPrincipal user) => TypedResults.Ok(user.ToActor());
}
