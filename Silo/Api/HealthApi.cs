using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Api;

/// <summary>/health: 200 when the silo is ready to take calls, 503 before it is and while it stops.</summary>
public static class HealthApi
{
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", Health)
            .AllowAnonymous()
            .WithTags("Health")
            .WithName("Health")
            .WithSummary("200 when the silo is ready to take calls, 503 otherwise");

    public static Results<Ok<HealthResponse>, ProblemHttpResult> Health(SiloReadiness silo, SiloSettings settings, CalendarYears calendar) =>
        silo.IsReady
            ? TypedResults.Ok(new HealthResponse("ready", settings.Store.Description)
            {
                Membership = silo.Status,
                ActiveSilos = silo.ActiveSilos,
                Silo = silo.Address,
                CalendarMissingYears = calendar.MissingYears() is { Count: > 0 } missing ? missing : null,
            })
            : Problems.Result(Problems.Unavailable($"The silo is starting or stopping (membership: {silo.Status})."));
}
