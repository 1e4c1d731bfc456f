using System.Globalization;
using System.Security.Claims;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Application;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/cases: report, read, list, and every step of a case's life.</summary>
public static class CasesApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/cases").WithTags("Cases");

        api.MapPost("/", Report).RequireAuthorization(Policies.Reporter)
            .WithName("ReportCase").WithSummary("Report a new case in one of the commissioner's grids, or a grid worker's own grid (201 with Location). An Idempotency-Key header makes a retry answer the case the first try created");
        api.MapGet("/{id}", Get)
            .WithName("GetCase").WithSummary("A case with its summonses and timeline");
        api.MapGet("/", List)
            .WithName("ListCases").WithSummary("A page of case summaries of a center and the centers under it, newest first");
        api.MapPost("/{id}/triage", Triage).RequireAuthorization(Policies.CaseHandler)
            .WithName("TriageCase").WithSummary("Fix category, tier and risk colour (三定); the deadline follows from the tier");
        api.MapPost("/{id}/whistle", Whistle).RequireAuthorization(Policies.CaseHandler)
            .WithName("WhistleCase").WithSummary("Blow the whistle: summon departments (routing chooses when none are named); returns the new summonses. An Idempotency-Key header makes a retry return what the first try issued");
        api.MapPost("/{id}/resolve", Resolve).RequireAuthorization(Policies.CaseHandler)
            .WithName("ResolveCase").WithSummary("Resolve the case with an outcome");
        api.MapPost("/{id}/close", Close).RequireAuthorization(Policies.CaseHandler)
            .WithName("CloseCase").WithSummary("Close a resolved case");
        api.MapPost("/{id}/follow-up", FollowUp).RequireAuthorization(Policies.CaseHandler)
            .WithName("FollowUpCase").WithSummary("Record the follow-up visit (回访) with satisfaction 1..5");
        api.MapPost("/{id}/reopen", Reopen).RequireAuthorization(Policies.CaseHandler)
            .WithName("ReopenCase").WithSummary("Reopen a resolved, closed or followed-up case the resident says is not fixed: back to the center that closed it, the departments that resolved it summoned again");
        api.MapPost("/{id}/notes", Note).RequireAuthorization(Policies.Annotator)
            .WithName("AddCaseNote").WithSummary("Add a note to the timeline: the case's handlers, the county duty leader, or the grid worker who reported it");
        api.MapPost("/{id}/link", Link).RequireAuthorization(Policies.CaseHandler)
            .WithName("LinkCases").WithSummary("Link a sibling case as the same problem (重复件): both show linkedCases; the later one is a repeat of the earlier");
        api.MapPost("/{id}/escalate", Escalate).RequireAuthorization(Policies.DutyLeader)
            .WithName("EscalateCase").WithSummary("Escalate the case one level up");
        api.MapPost("/{id}/supervise", Supervise).RequireAuthorization(Policies.DutyLeader)
            .WithName("SuperviseCase").WithSummary("Supervise (督办): push the summoned departments");
        api.MapPost("/{id}/take", Take).RequireAuthorization(Policies.DutyLeader)
            .WithName("TakeCase").WithSummary("A duty leader takes the case (领导包案)");
        return api;
    }

    public static async Task<Results<Created<CaseView>, ProblemHttpResult>> Report(
        JsonBody<ReportCaseRequest> body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user,
        DispatchOperations operations)
    {
        var result = await operations.ReportAsync(user.ToActor(), body.Value, idempotencyKey);
        return result.Succeeded ? TypedResults.Created($"/api/v1/cases/{result.Value!.Id}", result.Value) : result.ToProblem();
    }

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.GetCaseAsync(user.ToActor(), id)).ToHttp();

    public static async Task<Results<Ok<CasePage>, ProblemHttpResult>> List(
        [QuerySchema(QueryKind.Id)] string? center,
        [QuerySchema(QueryKind.Word, Words = ["open"], WordsOf = typeof(CaseState))] string? state,
        [QuerySchema(QueryKind.Boolean)] string? overdue,
        [QuerySchema(QueryKind.Integer, Minimum = 1, Default = 1)] string? page,
        [QuerySchema(QueryKind.Integer, Minimum = 1, Maximum = MaxPageSize, Default = DefaultPageSize)] string? pageSize,
        ClaimsPrincipal user, DispatchOperations operations)
    {
        var errors = new RequestErrors();
        CaseState? wantedState = null;
        bool? wantOpen = null;
        if (string.Equals(state, "open", StringComparison.OrdinalIgnoreCase))
        {
            wantOpen = true;
        }
        else if (state is not null)
        {
            if (Enum.TryParse<CaseState>(state, ignoreCase: true, out var parsed) && !int.TryParse(state, out _))
                wantedState = parsed;
            else
                errors.Add("state", $"Not a valid value; use open or one of: {string.Join(", ", Enum.GetNames<CaseState>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
        }
        bool? wantOverdue = null;
        if (overdue is not null)
        {
            if (bool.TryParse(overdue, out var flag))
                wantOverdue = flag;
            else
                errors.Add("overdue", "Must be true or false.");
        }
        var pageNumber = ParsePositive(errors, "page", page, 1, int.MaxValue, 1);
        var size = ParsePositive(errors, "pageSize", pageSize, 1, MaxPageSize, DefaultPageSize);
        if (center is not null && !Ids.IsValid(center))
            errors.Add("center", Dispatch.Grains.Interfaces.Faults.Fault.Of("notId"));
        if (!errors.IsEmpty)
            return Problems.Result(Problems.Validation(errors.ToDictionary()));

        var result = await operations.ListCasesAsync(user.ToActor(), center, wantedState, wantOpen, wantOverdue, pageNumber, size);
        if (!result.Succeeded)
            return result.ToProblem();
        return TypedResults.Ok(new CasePage(result.Value!.Items, pageNumber, size, result.Value.Total));
    }

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Triage(
        string id, JsonBody<TriageCaseRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.TriageAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<IReadOnlyList<SummonsView>>, ProblemHttpResult>> Whistle(
        string id, JsonBody<WhistleRequest> body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user,
        DispatchOperations operations) =>
        (await operations.WhistleAsync(user.ToActor(), id, body.Value, idempotencyKey)).ToHttp();

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Resolve(
        string id, JsonBody<ResolveCaseRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.ResolveAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Close(
        string id, JsonBody<NoteRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.CloseAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> FollowUp(
        string id, JsonBody<FollowUpRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.FollowUpAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Reopen(
        string id, JsonBody<ReasonRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.ReopenAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Note(
        string id, JsonBody<CaseNoteRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.NoteAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Link(
        string id, JsonBody<LinkCaseRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.LinkAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Escalate(
        string id, JsonBody<ReasonRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.EscalateAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Supervise(
        string id, JsonBody<SuperviseRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.SuperviseAsync(user.ToActor(), id, body.Value)).ToHttp();

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Take(
        string id, JsonBody<TakeCaseRequest> body, ClaimsPrincipal user, DispatchOperations operations) =>
        (await operations.TakeAsync(user.ToActor(), id, body.Value)).ToHttp();

    private static int ParsePositive(RequestErrors errors, string field, string? text, int min, int max, int fallback)
    {
        if (text is null)
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add(field, max == int.MaxValue ? $"Must be an integer of at least {min}." : $"Must be an integer from {min} to {max}.");
        return fallback;
    }
}
