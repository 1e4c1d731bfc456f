using System.Security.Claims;
using Dispatch.Dashboard.Services;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Runtime;
using Dispatch.Runtime.Storage;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Application;
using Dispatch.Silo.Auth;

namespace Dispatch.Silo.DashboardHost;

/// <summary>
/// The dashboard's operations on <see cref="DispatchOperations"/>, the service behind the HTTP API: the pages' inputs
/// become the API's request records, the signed-in principal becomes the acting <see cref="Actor"/>, and the same role
/// policy, request checks and scope rules apply. A temporary failure (a grain call timed out, the store is down) comes
/// back as a Conflict result with a message instead of tearing down the page.
/// </summary>
public sealed class DashboardBackend(DispatchOperations operations, ScopeAuthorizer scopes, ILogger<DashboardBackend> logger) : IDashboardBackend
{
    public Actor? ActorOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirst(DispatchClaims.Role) is not null ? user.ToActor() : null;

    public async Task<bool> CanWatchAsync(ClaimsPrincipal user, string scope) =>
        ActorOf(user) is { } actor && Ids.IsValid(scope) && await scopes.CanWatchAsync(actor, scope) == ScopeAccess.Allowed;

    public Task<DashboardResult<CaseView>> GetCaseAsync(ClaimsPrincipal user, string caseId) =>
        RunAsync(user, actor => operations.GetCaseAsync(actor, caseId));

    public Task<DashboardResult<IReadOnlyList<CaseSummary>>> ListCasesAsync(ClaimsPrincipal user, string centerId) =>
        RunAsync(user, actor => operations.ListCasesAsync(actor, centerId));

    public Task<DashboardResult<IReadOnlyList<SummonsView>>> ListSummonsesAsync(ClaimsPrincipal user, string departmentId, bool openOnly) =>
        RunAsync(user, actor => operations.ListSummonsesAsync(actor, departmentId, openOnly));

    public Task<DashboardResult<CaseView>> ReportAsync(ClaimsPrincipal user, ReportInput input) =>
        RunAsync(user, actor => operations.ReportAsync(actor,
            new ReportCaseRequest(input.GridId, input.Category, input.Summary, input.Source, input.Tier, input.Risk, input.Reporter)));

    public Task<DashboardResult<CaseView>> TriageAsync(ClaimsPrincipal user, string caseId, TriageInput input) =>
        RunAsync(user, actor => operations.TriageAsync(actor, caseId, new TriageCaseRequest(input.Category, input.Tier, input.Risk, input.Note)));

    public Task<DashboardResult<IReadOnlyList<SummonsView>>> WhistleAsync(ClaimsPrincipal user, string caseId, WhistleInput input) =>
        RunAsync(user, actor => operations.WhistleAsync(actor, caseId,
            new WhistleRequest(input.DepartmentIds, input.AckWithin, input.ArriveWithin, input.Note)));

    public Task<DashboardResult<CaseView>> ApplyAsync(ClaimsPrincipal user, string caseId, CaseCommandKind kind, string? text) =>
        RunAsync(user, actor => kind switch
        {
            CaseCommandKind.Resolve => operations.ResolveAsync(actor, caseId, new ResolveCaseRequest(text, null)),
            CaseCommandKind.Close => operations.CloseAsync(actor, caseId, new NoteRequest(text)),
            CaseCommandKind.Escalate => operations.EscalateAsync(actor, caseId, new ReasonRequest(text)),
            CaseCommandKind.Supervise => operations.SuperviseAsync(actor, caseId, new SuperviseRequest(text)),
            _ => operations.TakeAsync(actor, caseId, new TakeCaseRequest(text)),
        });

    public Task<DashboardResult<CaseView>> FollowUpAsync(ClaimsPrincipal user, string caseId, int? satisfaction, string? note) =>
        RunAsync(user, actor => operations.FollowUpAsync(actor, caseId, new FollowUpRequest(satisfaction, note)));

    public Task<DashboardResult<SummonsView>> ActOnSummonsAsync(ClaimsPrincipal user, string summonsId, SummonsActionKind kind, string? note, bool done) =>
        RunAsync(user, actor => kind switch
        {
            SummonsActionKind.Acknowledge => operations.AcknowledgeAsync(actor, summonsId, new NoteRequest(note)),
            SummonsActionKind.Arrive => operations.ArriveAsync(actor, summonsId, new NoteRequest(note)),
            SummonsActionKind.Feedback => operations.FeedbackAsync(actor, summonsId, new FeedbackRequest(note, done)),
            _ => operations.DeclineAsync(actor, summonsId, new ReasonRequest(note)),
        });

    private async Task<DashboardResult<T>> RunAsync<T>(ClaimsPrincipal user, Func<Actor, Task<OperationResult<T>>> operation)
    {
        if (ActorOf(user) is not { } actor)
            return new DashboardResult<T>(Outcome.Forbidden, default, "Not signed in.");
        try
        {
            var result = await operation(actor);
            return new DashboardResult<T>(result.Outcome, result.Value, result.Succeeded ? null : Describe(result));
        }
        catch (Exception error) when (error is GrainCallTimeoutException or StorageUnavailableException or OperationUnavailableException)
        {
            logger.LogWarning("A dashboard operation of {Actor} failed for now: {Message}", actor, error.Message);
            return new DashboardResult<T>(Outcome.Conflict, default, "The engine is unavailable for the moment; try again.");
        }
    }

    private static string Describe<T>(OperationResult<T> result) =>
        result.Errors is { Count: > 0 } errors
            ? string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            : result.Detail ?? result.Outcome.ToString();
}
