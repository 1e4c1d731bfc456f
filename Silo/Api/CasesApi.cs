using System.Globalization;
using System.Security.Claims;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Runtime;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Cases;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Dispatch.Silo.Api;

/// <summary>/api/v1/cases: report, read, list, and every step of a case's life.</summary>
public static class CasesApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>How many fresh ids a report tries when another silo took the id first.</summary>
    private const int ReportAttempts = 10;

    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/cases").WithTags("Cases");

        api.MapPost("/", Report).RequireAuthorization(Policies.Commissioner)
            .WithName("ReportCase").WithSummary("Report a new case in one of the commissioner's grids (201 with Location)");
        api.MapGet("/{id}", Get)
            .WithName("GetCase").WithSummary("A case with its summonses and timeline");
        api.MapGet("/", List)
            .WithName("ListCases").WithSummary("A page of case summaries of a center and the centers under it, newest first");
        api.MapPost("/{id}/triage", Triage).RequireAuthorization(Policies.Commissioner)
            .WithName("TriageCase").WithSummary("Fix category, tier and risk colour (三定); the deadline follows from the tier");
        api.MapPost("/{id}/whistle", Whistle).RequireAuthorization(Policies.Commissioner)
            .WithName("WhistleCase").WithSummary("Blow the whistle: summon departments (routing chooses when none are named); returns the new summonses");
        api.MapPost("/{id}/resolve", Resolve).RequireAuthorization(Policies.Commissioner)
            .WithName("ResolveCase").WithSummary("Resolve the case with an outcome");
        api.MapPost("/{id}/close", Close).RequireAuthorization(Policies.Commissioner)
            .WithName("CloseCase").WithSummary("Close a resolved case");
        api.MapPost("/{id}/follow-up", FollowUp).RequireAuthorization(Policies.Commissioner)
            .WithName("FollowUpCase").WithSummary("Record the follow-up visit (回访) with satisfaction 1..5");
        api.MapPost("/{id}/escalate", Escalate).RequireAuthorization(Policies.DutyLeader)
            .WithName("EscalateCase").WithSummary("Escalate the case one level up");
        api.MapPost("/{id}/supervise", Supervise).RequireAuthorization(Policies.DutyLeader)
            .WithName("SuperviseCase").WithSummary("Supervise (督办): push the summoned departments");
        api.MapPost("/{id}/take", Take).RequireAuthorization(Policies.DutyLeader)
            .WithName("TakeCase").WithSummary("A duty leader takes the case (领导包案)");
        return api;
    }

    public static async Task<Results<Created<CaseView>, ProblemHttpResult>> Report(
        JsonBody<ReportCaseRequest> body, ClaimsPrincipal user, CityModel city, IGrainFactory grains, CaseIdAllocator ids)
    {
        var request = body.Value;
        var actor = user.ToActor();
        if (!city.TryGetGrid(request.GridId!, out _))
            return Problems.Result(Problems.Validation("gridId", $"No grid '{request.GridId}'."));
        var township = city.TownshipOf(request.GridId!);
        if (actor.Role == Actor.Commissioner && township.Id != actor.Scope)
            return Problems.Result(Problems.Forbidden($"Grid '{request.GridId}' is in {township.Id}, not in {actor.Scope}."));

        var command = new ReportCase(request.GridId!, request.Category!.Value, request.Summary!.Trim(), request.Source!.Value,
            request.Tier, request.Risk, request.Reporter, actor);
        for (var attempt = 0; attempt < ReportAttempts; attempt++)
        {
            var id = ids.Next();
            var result = await grains.GetGrain<ICaseGrain>(id).Report(command);
            if (result.Outcome == Outcome.Conflict)
                continue;
            if (!result.Succeeded)
                return result.ToProblem();
            return TypedResults.Created($"/api/v1/cases/{id}", result.Value!);
        }
        return Problems.Result(Problems.Unavailable("No free case id was found; try again."));
    }

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, IGrainFactory grains, ScopeAuthorizer scopes)
    {
        if (CheckCaseId(id) is { } problem)
            return problem;
        var view = await grains.GetGrain<ICaseGrain>(id).Get();
        if (view is null)
            return NoCase(id);
        var actor = user.ToActor();
        return scopes.CanReadCase(actor, view)
            ? TypedResults.Ok(view)
            : Problems.Result(Problems.Forbidden($"{actor} may not read case {id}."));
    }

    public static async Task<Results<Ok<CasePage>, ProblemHttpResult>> List(
        string? center, string? state, string? overdue, string? page, string? pageSize,
        ClaimsPrincipal user, CityModel city, IGrainFactory grains, ScopeAuthorizer scopes, IClock clock)
    {
        var actor = user.ToActor();
        var errors = new RequestErrors();
        CaseState? wantedState = null;
        if (state is not null)
        {
            if (Enum.TryParse<CaseState>(state, ignoreCase: true, out var parsed) && !int.TryParse(state, out _))
                wantedState = parsed;
            else
                errors.Add("state", $"Not a valid value; use one of: {string.Join(", ", Enum.GetNames<CaseState>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
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
        center ??= scopes.HomeCenter(actor);
        if (center is null)
            return Problems.Result(Problems.Forbidden($"{actor} may not list cases; a department reads its summonses."));
        if (!Ids.IsValid(center))
            errors.Add("center", RequestErrors.IdMessage);
        if (!errors.IsEmpty)
            return Problems.Result(Problems.Validation(errors.ToDictionary()));
        if (!city.TryGetCenter(center, out _))
            return Problems.Result(Problems.NotFound($"No center '{center}'."));
        if (!scopes.CanReadCenter(actor, center))
            return Problems.Result(Problems.Forbidden($"{actor} may not list the cases of {center}."));

        var lists = await Task.WhenAll(city.SelfAndDescendants(center, withVillages: false)
            .Select(c => grains.GetGrain<ICenterGrain>(c.Id).List()));
        var now = clock.GetCurrentInstant();
        var matches = lists.SelectMany(l => l)
            .GroupBy(s => s.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(s => s.Version)!)
            .Where(s => wantedState is null || s.State == wantedState)
            .Where(s => wantOverdue is null || s.IsOverdueAt(now) == wantOverdue)
            .OrderByDescending(s => s.CreatedAt)
            .ThenByDescending(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var items = matches.Skip((int)Math.Min((long)(pageNumber - 1) * size, int.MaxValue)).Take(size).ToArray();
        return TypedResults.Ok(new CasePage(items, pageNumber, size, matches.Count));
    }

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Triage(
        string id, JsonBody<TriageCaseRequest> body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var r = body.Value;
        return Run(id, grains, g => g.Triage(new TriageCase(r.Category, r.Tier!.Value, r.Risk!.Value, r.Note, user.ToActor())));
    }

    public static async Task<Results<Ok<IReadOnlyList<SummonsView>>, ProblemHttpResult>> Whistle(
        string id, JsonBody<WhistleRequest> body, ClaimsPrincipal user, IGrainFactory grains, CityModel city)
    {
        if (CheckCaseId(id) is { } problem)
            return problem;
        var r = body.Value;
        if (r.DepartmentIds is not null)
        {
            var errors = new RequestErrors();
            for (var i = 0; i < r.DepartmentIds.Count; i++)
            {
                if (!city.TryGetDepartment(r.DepartmentIds[i], out _))
                    errors.Add($"departmentIds[{i}]", $"No department '{r.DepartmentIds[i]}'.");
            }
            if (!errors.IsEmpty)
                return Problems.Result(Problems.Validation(errors.ToDictionary()));
        }
        var (ackWithin, arriveWithin) = r.Durations();
        var result = await grains.GetGrain<ICaseGrain>(id).Whistle(new WhistleCase(r.DepartmentIds, ackWithin, arriveWithin, r.Note, user.ToActor()));
        return result.ToHttp();
    }

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Resolve(
        string id, JsonBody<ResolveCaseRequest> body, ClaimsPrincipal user, IGrainFactory grains) =>
        Apply(id, grains, CaseCommandKind.Resolve, body.Value.Outcome!.Trim(), body.Value.Note, user);

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Close(
        string id, JsonBody<NoteRequest> body, ClaimsPrincipal user, IGrainFactory grains) =>
        Apply(id, grains, CaseCommandKind.Close, null, body.Value.Note, user);

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> FollowUp(
        string id, JsonBody<FollowUpRequest> body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var r = body.Value;
        return Run(id, grains, g => g.FollowUp(new FollowUpCase(r.Satisfaction!.Value, r.Note, user.ToActor())));
    }

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Escalate(
        string id, JsonBody<ReasonRequest> body, ClaimsPrincipal user, IGrainFactory grains) =>
        Apply(id, grains, CaseCommandKind.Escalate, body.Value.Reason!.Trim(), null, user);

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Supervise(
        string id, JsonBody<SuperviseRequest> body, ClaimsPrincipal user, IGrainFactory grains) =>
        Apply(id, grains, CaseCommandKind.Supervise, body.Value.Note!.Trim(), null, user);

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Take(
        string id, JsonBody<TakeCaseRequest> body, ClaimsPrincipal user, IGrainFactory grains) =>
        Apply(id, grains, CaseCommandKind.Take, body.Value.Reason, null, user);

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> Apply(
        string id, IGrainFactory grains, CaseCommandKind kind, string? text, string? note, ClaimsPrincipal user) =>
        Run(id, grains, g => g.Apply(new CaseCommand(kind, text, note, user.ToActor())));

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Run(
        string id, IGrainFactory grains, Func<ICaseGrain, Task<CommandResult<CaseView>>> command)
    {
        if (CheckCaseId(id) is { } problem)
            return problem;
        return (await command(grains.GetGrain<ICaseGrain>(id))).ToHttp();
    }

    /// <summary>400 for an id that is not an id at all; 404 for one that cannot be a case id; null otherwise.</summary>
    private static ProblemHttpResult? CheckCaseId(string id) =>
        PathIds.Invalid(id, "id") ?? (CaseId.TryParse(id, out _, out _) ? null : NoCase(id));

    private static ProblemHttpResult NoCase(string id) => Problems.Result(Problems.NotFound($"No case '{id}'."));

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
