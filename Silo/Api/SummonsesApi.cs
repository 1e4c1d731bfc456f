using System.Security.Claims;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Application;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Api;

/// <summary>A department's summonses (/api/v1/departments/{id}/summonses) and what it does with each (/api/v1/summonses/{id}/...).</summary>
public static class SummonsesApi
{
    public static IEndpointRouteBuilder MapSummonsesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/departments").WithTags("Summonses")
            .MapGet("/{id}/summonses", ListForDepartment)
            .WithName("ListDepartmentSummonses")
            .WithSummary("A department's summonses: open ones (issued, acknowledged, arrived) or, with state=all, recent closed ones too; newest first");

        var api = routes.MapGroup("/summonses").WithTags("Summonses").RequireAuthorization(Policies.Department);
        api.MapPost("/{id}/ack", Acknowledge).WithName("AcknowledgeSummons").WithSummary("Acknowledge (签收) a summons");
        api.MapPost("/{id}/arrive", Arrive).WithName("ArriveSummons").WithSummary("Report in (报到), in person or online");
        api.MapPost("/{id}/feedback", Feedback).WithName("FeedbackSummons").WithSummary("Feed back (反馈); with done the department's part is finished");
        api.MapPost("/{id}/decline", Decline).WithName("DeclineSummons").WithSummary("Decline with a reason (wrong department)");
        return routes;
    }

    public static async Task<Results<Ok<IReadOnlyList<SummonsView>>, ProblemHttpResult>> ListForDepartment(
        string id, [QuerySchema(QueryKind.Word, Words = ["open", "all"])] string? state, ClaimsPrincipal user, DispatchOperations operations)
    {
        if (PathIds.Invalid(id, "id") is { } invalid)
            return invalid;
        bool openOnly;
        switch (state)
        {
            case null or "open":
                openOnly = true;
                break;
            case "all":
                openOnly = false;
                break;
            default:
                return Problems.Result(Problems.Validation("state", "Use open or all."));
        }
        return (await operations.ListSummonsesAsync(user.ToActor(), id, openOnly)).ToHttp();
    }

    public static async Task<Results<Ok<SummonsView>, ProblemHttpResult>> Acknowledge(
        string id, JsonBody<NoteRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.AcknowledgeAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<SummonsView>, ProblemHttpResult>> Arrive(
        string id, JsonBody<NoteRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.ArriveAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<SummonsView>, ProblemHttpResult>> Feedback(
        string id, JsonBody<FeedbackRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.FeedbackAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<SummonsView>, ProblemHttpResult>> Decline(
        string id, JsonBody<ReasonRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.DeclineAsync(user.ToActor(), id, body.Value)).ToHttp();
}
