using System.Security.Claims;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Runtime;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Api.Contracts;
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
        string id, string? state, ClaimsPrincipal user, CityModel city, IGrainFactory grains, ScopeAuthorizer scopes)
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
        if (!city.TryGetDepartment(id, out _))
            return Problems.Result(Problems.NotFound($"No department '{id}'."));
        var actor = user.ToActor();
        if (!scopes.CanReadDepartment(actor, id))
            return Problems.Result(Problems.Forbidden($"{actor} may not read the summonses of {id}."));
        return TypedResults.Ok(await grains.GetGrain<IDepartmentGrain>(id).List(openOnly));
    }

    public static Task<Results<Ok<SummonsView>, ProblemHttpResult>> Acknowledge(
        string id, JsonBody<NoteRequest> body, ClaimsPrincipal user, IGrainFactory grains) =>
        Act(id, SummonsActionKind.Acknowledge, body.Value.Note, done: false, user, grains);

    public static Task<Results<Ok<SummonsView>, ProblemHttpResult>> Arrive(
        string id, JsonBody<NoteRequest> body, ClaimsPrincipal user, IGrainFactory grains) =>
        Act(id, SummonsActionKind.Arrive, body.Value.Note, done: false, user, grains);

    public static Task<Results<Ok<SummonsView>, ProblemHttpResult>> Feedback(
        string id, JsonBody<FeedbackRequest> body, ClaimsPrincipal user, IGrainFactory grains) =>
        Act(id, SummonsActionKind.Feedback, body.Value.Note!.Trim(), body.Value.Done!.Value, user, grains);

    public static Task<Results<Ok<SummonsView>, ProblemHttpResult>> Decline(
        string id, JsonBody<ReasonRequest> body, ClaimsPrincipal user, IGrainFactory grains) =>
        Act(id, SummonsActionKind.Decline, body.Value.Reason!.Trim(), done: false, user, grains);

    private static async Task<Results<Ok<SummonsView>, ProblemHttpResult>> Act(
        string id, SummonsActionKind kind, string? note, bool done, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (PathIds.Invalid(id, "id") is { } invalid)
            return invalid;
        if (!SummonsId.TryParse(id, out var caseId, out _) || !CaseId.TryParse(caseId, out _, out _))
            return Problems.Result(Problems.NotFound($"No summons '{id}'."));
        var result = await grains.GetGrain<ICaseGrain>(caseId).ActOnSummons(new SummonsCommand(id, kind, note, done, user.ToActor()));
        return result.ToHttp();
    }
}
