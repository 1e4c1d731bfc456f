using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/stats (考核): reserved; the statistics come with a later issue and answer 501 until then.</summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/stats").WithTags("Statistics");
        api.MapGet("/", NotYet).WithName("GetStats").WithSummary("Statistics of a center or department over a period (not implemented yet: 501)");
        api.MapGet("/ranking", NotYet).WithName("GetStatsRanking").WithSummary("Departments or townships ranked (not implemented yet: 501)");
        return api;
    }

    public static ProblemHttpResult NotYet() => Problems.Result(Problems.NotImplemented("Statistics are not implemented yet."));
}
