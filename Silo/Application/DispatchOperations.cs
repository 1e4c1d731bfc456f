using Dispatch.Grains.Interfaces.Faults;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Engine;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.ReadModels;
using Orleans;
using Dispatch.Silo.Api;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Cases;
using Dispatch.Grains.Domain.Cases;
using NodaTime;

namespace Dispatch.Silo.Application;

/// <summary>
/// The case and summons operations as the HTTP API defines them — role policy, request checks, ids, scope
/// (<see cref="ScopeAuthorizer"/>), then the grain — in one place, so that the API endpoints and the dashboard's pages
/// run exactly the same rules. Each method takes the acting principal as an <see cref="Actor"/> and a request record of
/// the API; expected failures come back as values (<see cref="OperationResult{T}"/>), never as exceptions.
/// </summary>
/// <remarks>
/// The API's body binder has already checked a request body when an endpoint calls in; the check here repeats it for
/// callers without a binder (the dashboard) and is cheap. The role check repeats the endpoint's policy likewise.
/// </remarks>
public sealed class DispatchOperations(CityModel city, IGrainFactory grains, IReadModelReader views, EngineContext engine, ScopeAuthorizer scopes,
    CaseIdAllocator ids, IClock clock, EngineRetry retry, Microsoft.Extensions.Options.IOptions<Options.RepeatOptions> repeats)
{
    /// <summary>How many fresh ids a report tries when another silo took the id first.</summary>
    private const int ReportAttempts = 10;

    /// <summary>
    /// Reports a new case: a commissioner in one of its township's grids, a grid worker in its own grid. With an
    /// <paramref name="idempotencyKey"/> (the client's Idempotency-Key header) the first try's case id is stored for the
    /// principal and key before the case is reported, so a retry answers that case and never creates a second.
    /// </summary>
    /// <exception cref="OperationUnavailableException">No free case id was found (another silo took each one).</exception>
    public async Task<OperationResult<CaseView>> ReportAsync(Actor actor, ReportCaseRequest request, string? idempotencyKey = null)
    {
        if ((Refuse<CaseView>(actor, Policies.Reporter) ?? CheckIdempotencyKey<CaseView>(idempotencyKey)) is { } refused)
            return refused;
        var result = await ReportIntakeAsync(actor, request, idempotencyKey);
        return result.Succeeded
            ? result with { Value = result.Value! with { SuggestedRepeats = await SuggestRepeatsAsync(result.Value) } }
            : result;
    }

    /// <summary>
    /// Open or recently resolved (<see cref="Options.RepeatOptions.Window"/>) cases of the new case's grid and category whose
    /// summary is similar (<see cref="RepeatCases"/>), most similar first; those linked already are left out. From the read
    /// models, so a case reported a moment ago may not be among them yet.
    /// </summary>
    private async Task<IReadOnlyList<RepeatSuggestion>> SuggestRepeatsAsync(CaseView created)
    {
        var candidates = (await views.GridCategoryCasesAsync(created.GridId, created.Category, repeats.Value.Candidates))
            .Where(c => c.Id != created.Id && created.LinkedCases.All(l => l.CaseId != c.Id))
            .ToDictionary(c => c.Id);
        var now = clock.GetCurrentInstant();
        var window = Duration.FromTimeSpan(repeats.Value.Window);
        var suggestions = new List<RepeatSuggestion>();
        foreach (var (id, similarity) in RepeatCases.Suggest(created.Summary, candidates.Values.Select(c => (c.Id, c.Summary))))
        {
            var candidate = candidates[id];
            if (!candidate.IsOpen)
            {
                var view = await retry.RunAsync(() => grains.GetGrain<ICaseGrain>(id).Get());
                var resolvedAt = view?.Timeline.LastOrDefault(e => e.Kind == "resolved")?.At;
                if (view is null || !RepeatCases.IsCandidate(resolvedAt ?? view.CreatedAt, now, window))
                    continue;
            }
            suggestions.Add(new RepeatSuggestion(id, candidate.Summary, candidate.State, candidate.CreatedAt, similarity));
        }
        return suggestions;
    }

    /// <summary>
    /// The repeat suggestions of an existing case for a handler who may read it (what a new report's answer carries as
    /// <c>suggestedRepeats</c>, now): similar open or recently resolved cases of its grid and category, not linked yet.
    /// </summary>
    public async Task<OperationResult<IReadOnlyList<RepeatSuggestion>>> RepeatSuggestionsAsync(Actor actor, string id)
    {
        if (Refuse<IReadOnlyList<RepeatSuggestion>>(actor, Policies.CaseHandler) is { } refused)
            return refused;
        var read = await GetCaseAsync(actor, id);
        return read.Succeeded
            ? OperationResult<IReadOnlyList<RepeatSuggestion>>.Ok(await SuggestRepeatsAsync(read.Value!))
            : read.As<IReadOnlyList<RepeatSuggestion>>();
    }

    /// <summary>
    /// Links two cases as the same problem: both show the other in <c>linkedCases</c>, and the later one is a repeat. Who:
    /// a handler of the case (commissioner, duty leader) or admin, who may also read the other.
    /// </summary>
    public async Task<OperationResult<CaseView>> LinkAsync(Actor actor, string id, LinkCaseRequest request)
    {
        if ((Refuse<CaseView>(actor, Policies.CaseHandler) ?? Check<CaseView>(request) ?? CheckCaseId<CaseView>(id)) is { } refused)
            return refused;
        if (request.CaseId == id)
            return OperationResult<CaseView>.Invalid("caseId", Fault.Of("selfLink"));
        var other = await GetCaseAsync(actor, request.CaseId!);
        if (!other.Succeeded)
            return other.Outcome == Outcome.NotFound ? OperationResult<CaseView>.Invalid("caseId", Fault.Of("noCase", ("case", request.CaseId))) : other;
        var self = await GetCaseAsync(actor, id);
        if (!self.Succeeded)
            return self;
        var first = OperationResult<CaseView>.From(await grains.GetGrain<ICaseGrain>(id)
            .Link(new LinkCase(new LinkedCase(other.Value!.Id, other.Value.CreatedAt), actor)));
        if (!first.Succeeded)
            return first;
        // A handler who may read the other case may note on it too (CaseActors), so the other side takes the same actor;
        // a failure there leaves this side linked, and repeating the call links the other (each side is idempotent).
        var second = OperationResult<CaseView>.From(await grains.GetGrain<ICaseGrain>(other.Value.Id)
            .Link(new LinkCase(new LinkedCase(self.Value!.Id, self.Value.CreatedAt), actor)));
        return second.Succeeded ? first : second;
    }

    /// <summary>
    /// Reports a new case for an intake that has checked its caller's scope itself (Open311: the client's api_key scope
    /// holds the grid); the request's checks and the commissioner's own-township and grid worker's own-grid rules still apply.
    /// </summary>
    /// <exception cref="OperationUnavailableException">No free case id was found (another silo took each one).</exception>
    public async Task<OperationResult<CaseView>> ReportIntakeAsync(Actor actor, ReportCaseRequest request, string? idempotencyKey = null)
    {
        if (Check<CaseView>(request) is { } refused)
            return refused;
        if (!city.TryGetGrid(request.GridId!, out _))
            return OperationResult<CaseView>.Invalid("gridId", Fault.Of("noGrid", ("grid", request.GridId)));
        var township = city.TownshipOf(request.GridId!);
        if (actor.Role == Actor.Commissioner && township.Id != actor.Scope)
            return OperationResult<CaseView>.Forbidden($"Grid '{request.GridId}' is not in {actor.Scope}.");
        if (actor.Role == Actor.GridWorker && request.GridId != actor.Scope)
            return OperationResult<CaseView>.Forbidden($"{actor} reports in its own grid only.");

        var command = new ReportCase(request.GridId!, request.Category!.Value, request.Summary!.Trim(), request.Source!.Value,
            request.Tier, request.Risk, request.Reporter, actor);
        if (idempotencyKey is not null)
            return await ReportOnceWithKeyAsync(command, idempotencyKey);
        for (var attempt = 0; attempt < ReportAttempts; attempt++)
        {
            var result = await ReportOnceAsync(grains.GetGrain<ICaseGrain>(await retry.RunAsync(ids.NextAsync)), command);
            if (result.Outcome != Outcome.Conflict)
                return OperationResult<CaseView>.From(result);
        }
        throw new OperationUnavailableException("No free case id was found; try again.");
    }

    /// <summary>
    /// A report under an Idempotency-Key: the key's grain keeps the case id of the first try (a fresh id is offered each
    /// time, and only the first is stored); the report under that id then either creates the case or finds it stored. A
    /// stored case that is not this principal's same report means the key was used for another one: 409.
    /// </summary>
    private async Task<OperationResult<CaseView>> ReportOnceWithKeyAsync(ReportCase command, string idempotencyKey)
    {
        var key = grains.GetGrain<IReportKeyGrain>(ReportKeys.Of(command.Actor, idempotencyKey));
        var caseId = await retry.RunAsync(async () => await key.Claim(await ids.NextAsync()));
        var grain = grains.GetGrain<ICaseGrain>(caseId);
        var result = await ReportOnceAsync(grain, command);
        if (result.Outcome != Outcome.Conflict)
            return OperationResult<CaseView>.From(result);
        var stored = await retry.RunAsync(grain.Get);
        return stored is not null && IsReportOf(stored, command) && command.Actor.IsSamePrincipal(stored.ReportedBy)
            ? OperationResult<CaseView>.Ok(stored)
            : OperationResult<CaseView>.Conflict(Fault.Of("keyReused", ("key", idempotencyKey)));
    }

    /// <summary>
    /// Reports under one case id, retried on transient failures with the same id (<see cref="EngineRetry"/>). A try that
    /// failed may still have stored the case; the next try then meets "exists already", and a stored case with this
    /// report's grid, category, source and summary is taken as this report's own.
    /// </summary>
    private Task<CommandResult<CaseView>> ReportOnceAsync(ICaseGrain grain, ReportCase command)
    {
        var failedBefore = false;
        return retry.RunAsync(async () =>
        {
            try
            {
                var result = await grain.Report(command);
                if (result.Outcome == Outcome.Conflict && failedBefore && await grain.Get() is { } stored && IsReportOf(stored, command))
                    return CommandResult<CaseView>.Ok(stored);
                return result;
            }
            catch (Exception error) when (Errors.TransientFailures.Is(error))
            {
                failedBefore = true;
                throw;
            }
        });
    }

    private static bool IsReportOf(CaseView stored, ReportCase command) =>
        stored.GridId == command.GridId && stored.Category == command.Category && stored.Source == command.Source
        && stored.Summary == command.Summary;

    /// <summary>How many of a grid's newest cases <see cref="ReportedCasesAsync"/> looks through.</summary>
    public const int ReportedCasesScanned = 100;

    /// <summary>
    /// The cases a grid worker reported itself, newest first: those of the newest <see cref="ReportedCasesScanned"/> cases of
    /// its grid that it may read (<see cref="ScopeAuthorizer.CanReadCase(Actor, CaseView)"/>: same grid and name).
    /// </summary>
    public async Task<OperationResult<IReadOnlyList<CaseView>>> ReportedCasesAsync(Actor actor)
    {
        if (actor.Role != Actor.GridWorker || actor.Scope is null)
            return OperationResult<IReadOnlyList<CaseView>>.Forbidden($"{actor} has no reports of its own; only a grid worker has.");
        var recent = await views.GridCasesAsync(actor.Scope, ReportedCasesScanned);
        var read = await Task.WhenAll(recent.Select(c => grains.GetGrain<ICaseGrain>(c.Id).Get()));
        return OperationResult<IReadOnlyList<CaseView>>.Ok(read.OfType<CaseView>().Where(view => scopes.CanReadCase(actor, view)).ToList());
    }

    /// <summary>A case with its summonses and timeline, when the actor may read it.</summary>
    public async Task<OperationResult<CaseView>> GetCaseAsync(Actor actor, string id)
    {
        if (CheckCaseId<CaseView>(id) is { } bad)
            return bad;
        var view = await grains.GetGrain<ICaseGrain>(id).Get();
        if (view is null)
            return NoCase<CaseView>(id);
        return scopes.CanReadCase(actor, view)
            ? OperationResult<CaseView>.Ok(view)
            : OperationResult<CaseView>.Forbidden($"{actor} may not read case {id}.");
    }

    /// <summary>
    /// A page of the case summaries of <paramref name="center"/> and the centers under it (the actor's home center when
    /// null), newest first, filtered by state, openness and overdue-ness at the silo's clock — from the read models.
    /// </summary>
    public Task<OperationResult<CaseListPage>> ListCasesAsync(Actor actor, string? center, CaseState? state = null, bool? open = null,
        bool? overdue = null, int page = 1, int pageSize = 50) =>
        ListCasesAsync(actor, center, (scope, now) => new CaseListQuery(scope, state, open, overdue, now, page, pageSize));

    /// <summary>
    /// A page of the case summaries of <paramref name="center"/> (the actor's home center when null) under the same
    /// scope rules, with the query the caller builds from the center's scope and the silo's clock (the dashboard
    /// console's risk, text, due-soon and township filters).
    /// </summary>
    public async Task<OperationResult<CaseListPage>> ListCasesAsync(Actor actor, string? center, Func<CaseScope, Instant, CaseListQuery> build)
    {
        center ??= scopes.HomeCenter(actor);
        if (center is null)
            return OperationResult<CaseListPage>.Forbidden($"{actor} may not list cases; a department reads its summonses, a grid worker the cases it reported.");
        if (!Ids.IsValid(center))
            return OperationResult<CaseListPage>.Invalid("center", Fault.Of("notId"));
        if (!city.TryGetCenter(center, out var found))
            return OperationResult<CaseListPage>.NotFound(Fault.Of("noCenter", ("center", center)));
        if (!scopes.CanReadCenter(actor, center))
            return OperationResult<CaseListPage>.Forbidden($"{actor} may not list the cases of {center}.");

        return OperationResult<CaseListPage>.Ok(await views.CasesAsync(build(new CaseScope(center, found.Level), clock.GetCurrentInstant())));
    }

    public async Task<OperationResult<CaseView>> TriageAsync(Actor actor, string id, TriageCaseRequest request)
    {
        if ((Refuse<CaseView>(actor, Policies.CaseHandler) ?? Check<CaseView>(request) ?? CheckCaseId<CaseView>(id)) is { } refused)
            return refused;
        return OperationResult<CaseView>.From(await grains.GetGrain<ICaseGrain>(id)
            .Triage(new TriageCase(request.Category, request.Tier!.Value, request.Risk!.Value, request.Note, actor)));
    }

    /// <summary>The longest Idempotency-Key a whistle or report may carry.</summary>
    public const int MaxIdempotencyKey = 200;

    /// <summary>
    /// Blows the whistle; without department ids the routing rules choose. Returns the new summonses. With an
    /// <paramref name="idempotencyKey"/> (the client's Idempotency-Key header), a repeat of the same whistle returns what
    /// the first one issued, even after those summonses escalated: a client may retry a whistle whose answer it lost.
    /// </summary>
    public async Task<OperationResult<IReadOnlyList<SummonsView>>> WhistleAsync(Actor actor, string id, WhistleRequest request, string? idempotencyKey = null)
    {
        if ((CheckIdempotencyKey<IReadOnlyList<SummonsView>>(idempotencyKey) ?? Refuse<IReadOnlyList<SummonsView>>(actor, Policies.CaseHandler) ?? Check<IReadOnlyList<SummonsView>>(request)
            ?? CheckCaseId<IReadOnlyList<SummonsView>>(id)) is { } refused)
            return refused;
        if (request.DepartmentIds is not null)
        {
            var errors = new RequestErrors();
            for (var i = 0; i < request.DepartmentIds.Count; i++)
            {
                if (!city.TryGetDepartment(request.DepartmentIds[i], out _))
                    errors.Add($"departmentIds[{i}]", Fault.Of("noDepartment", ("department", request.DepartmentIds[i])));
            }
            if (!errors.IsEmpty)
                return OperationResult<IReadOnlyList<SummonsView>>.Invalid(errors);
        }
        var (ackWithin, arriveWithin) = request.Durations();
        return OperationResult<IReadOnlyList<SummonsView>>.From(await grains.GetGrain<ICaseGrain>(id)
            .Whistle(new WhistleCase(request.DepartmentIds, ackWithin, arriveWithin, request.Note, actor, idempotencyKey)));
    }

    public Task<OperationResult<CaseView>> ResolveAsync(Actor actor, string id, ResolveCaseRequest request) =>
        ApplyAsync(actor, id, request, Policies.CaseHandler, () => new CaseCommand(CaseCommandKind.Resolve, request.Outcome!.Trim(), request.Note, actor));

    public Task<OperationResult<CaseView>> CloseAsync(Actor actor, string id, NoteRequest request) =>
        ApplyAsync(actor, id, request, Policies.CaseHandler, () => new CaseCommand(CaseCommandKind.Close, null, request.Note, actor));

    public Task<OperationResult<CaseView>> ReopenAsync(Actor actor, string id, ReasonRequest request) =>
        ApplyAsync(actor, id, request, Policies.CaseHandler, () => new CaseCommand(CaseCommandKind.Reopen, request.Reason!.Trim(), null, actor));

    /// <summary>A note on the case's timeline: its handlers, the county duty leader, or the grid worker who reported it.</summary>
    public Task<OperationResult<CaseView>> NoteAsync(Actor actor, string id, CaseNoteRequest request) =>
        ApplyAsync(actor, id, request, Policies.Annotator, () => new CaseCommand(CaseCommandKind.Note, request.Text!.Trim(), null, actor));

    public Task<OperationResult<CaseView>> EscalateAsync(Actor actor, string id, ReasonRequest request) =>
        ApplyAsync(actor, id, request, Policies.DutyLeader, () => new CaseCommand(CaseCommandKind.Escalate, request.Reason!.Trim(), null, actor));

    public Task<OperationResult<CaseView>> SuperviseAsync(Actor actor, string id, SuperviseRequest request) =>
        ApplyAsync(actor, id, request, Policies.DutyLeader, () => new CaseCommand(CaseCommandKind.Supervise, request.Note!.Trim(), null, actor));

    public Task<OperationResult<CaseView>> TakeAsync(Actor actor, string id, TakeCaseRequest request) =>
        ApplyAsync(actor, id, request, Policies.DutyLeader, () => new CaseCommand(CaseCommandKind.Take, request.Reason, null, actor));

    public async Task<OperationResult<CaseView>> FollowUpAsync(Actor actor, string id, FollowUpRequest request)
    {
        if ((Refuse<CaseView>(actor, Policies.CaseHandler) ?? Check<CaseView>(request) ?? CheckCaseId<CaseView>(id)) is { } refused)
            return refused;
        return OperationResult<CaseView>.From(await grains.GetGrain<ICaseGrain>(id)
            .FollowUp(new FollowUpCase(request.Satisfaction!.Value, request.Note, actor)));
    }

    /// <summary>A department's open summonses (or, with <paramref name="openOnly"/> false, recent closed ones too), newest first.</summary>
    public async Task<OperationResult<IReadOnlyList<SummonsView>>> ListSummonsesAsync(Actor actor, string departmentId, bool openOnly)
    {
        if (CheckId<IReadOnlyList<SummonsView>>(departmentId, "id") is { } bad)
            return bad;
        if (!city.TryGetDepartment(departmentId, out _))
            return OperationResult<IReadOnlyList<SummonsView>>.NotFound(Fault.Of("noDepartment", ("department", departmentId)));
        if (!scopes.CanReadDepartment(actor, departmentId))
            return OperationResult<IReadOnlyList<SummonsView>>.Forbidden($"{actor} may not read the summonses of {departmentId}.");
        return OperationResult<IReadOnlyList<SummonsView>>.Ok(await views.SummonsesAsync(departmentId, openOnly, engine.Options.ClosedSummonsesKept));
    }

    public Task<OperationResult<SummonsView>> AcknowledgeAsync(Actor actor, string summonsId, NoteRequest request) =>
        ActAsync(actor, summonsId, request, SummonsActionKind.Acknowledge, request.Note, done: false);

    public Task<OperationResult<SummonsView>> ArriveAsync(Actor actor, string summonsId, NoteRequest request) =>
        ActAsync(actor, summonsId, request, SummonsActionKind.Arrive, request.Note, done: false);

    public Task<OperationResult<SummonsView>> FeedbackAsync(Actor actor, string summonsId, FeedbackRequest request) =>
        ActAsync(actor, summonsId, request, SummonsActionKind.Feedback, request.Note?.Trim(), request.Done ?? false);

    public Task<OperationResult<SummonsView>> DeclineAsync(Actor actor, string summonsId, ReasonRequest request) =>
        ActAsync(actor, summonsId, request, SummonsActionKind.Decline, request.Reason?.Trim(), done: false);

    private async Task<OperationResult<CaseView>> ApplyAsync(Actor actor, string id, IRequestBody request, string policy, Func<CaseCommand> command)
    {
        if ((Refuse<CaseView>(actor, policy) ?? Check<CaseView>(request) ?? CheckCaseId<CaseView>(id)) is { } refused)
            return refused;
        return OperationResult<CaseView>.From(await grains.GetGrain<ICaseGrain>(id).Apply(command()));
    }

    private async Task<OperationResult<SummonsView>> ActAsync(
        Actor actor, string summonsId, IRequestBody request, SummonsActionKind kind, string? note, bool done)
    {
        if ((Refuse<SummonsView>(actor, Policies.Department) ?? Check<SummonsView>(request) ?? CheckId<SummonsView>(summonsId, "id")) is { } refused)
            return refused;
        if (!SummonsId.TryParse(summonsId, out var caseId, out _) || !CaseId.TryParse(caseId, out _, out _))
            return OperationResult<SummonsView>.NotFound(Fault.Of("noSummons", ("summons", summonsId)));
        return OperationResult<SummonsView>.From(await grains.GetGrain<ICaseGrain>(caseId)
            .ActOnSummons(new SummonsCommand(summonsId, kind, note, done, actor)));
    }

    /// <summary>The endpoint's role policy, applied to callers that have no endpoint (the dashboard).</summary>
    private static OperationResult<T>? Refuse<T>(Actor actor, string policy) =>
        Policies.Allows(policy, actor.Role) ? null : OperationResult<T>.Forbidden($"The role of {actor} may not make this call.");

    private static OperationResult<T>? CheckIdempotencyKey<T>(string? key) =>
        key is not null && (key.Length is 0 or > MaxIdempotencyKey || key.Any(char.IsControl))
            ? OperationResult<T>.Invalid("Idempotency-Key", Fault.Of("printable", ("max", MaxIdempotencyKey)))
            : null;

    private static OperationResult<T>? Check<T>(IRequestBody request)
    {
        var errors = new RequestErrors();
        request.Validate(errors);
        return errors.IsEmpty ? null : OperationResult<T>.Invalid(errors);
    }

    private static OperationResult<T>? CheckId<T>(string? id, string field) =>
        Ids.IsValid(id) ? null : OperationResult<T>.Invalid(field, Fault.Of(string.IsNullOrEmpty(id) ? "required" : "notId"));

    /// <summary>Invalid for an id that is not an id at all; NotFound for one that cannot be a case id; null otherwise.</summary>
    private static OperationResult<T>? CheckCaseId<T>(string id) =>
        CheckId<T>(id, "id") ?? (CaseId.TryParse(id, out _, out _) ? null : NoCase<T>(id));

    private static OperationResult<T> NoCase<T>(string id) => OperationResult<T>.NotFound(Fault.Of("noCase", ("case", id)));
}
