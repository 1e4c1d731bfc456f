using Dispatch.Grains.Interfaces.Faults;
using System.Security.Claims;
using Dispatch.Dashboard.Services;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.ReadModels;
using Orleans;
using NodaTime;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Application;
using Dispatch.Silo.Notifications;
using Dispatch.Silo.Auth;

namespace Dispatch.Silo.DashboardHost;

/// <summary>
/// The dashboard's operations on <see cref="DispatchOperations"/>, the service behind the HTTP API: the pages' inputs
/// become the API's request records, the signed-in principal becomes the acting <see cref="Actor"/>, and the same role
/// policy, request checks and scope rules apply. Engine calls are retried like the API's (<see cref="EngineRetry"/>); a temporary failure that outlasts the budget (a grain call timed out, the store is down) comes
/// back as a Conflict result with a message instead of tearing down the page.
/// </summary>
public sealed class DashboardBackend(DispatchOperations operations, ScopeAuthorizer scopes, IGrainFactory grains, StatsQueries stats,
    CityModel city, EngineRetry retry, AttachmentOperations attachments, SiloReadiness silo, SqlNotificationStore notifications, ILogger<DashboardBackend> logger) : IDashboardBackend
{
    /// <summary>The most deliveries the case page lists.</summary>
    private const int NotificationLines = 100;

    public int ActiveSilos() => silo.ActiveSilos;

    public Task<DashboardResult<IReadOnlyList<NotificationLine>>> CaseNotificationsAsync(ClaimsPrincipal user, string caseId) =>
        RunAsync(user, async actor =>
        {
            // Whoever may read the case may see who was told of it (the API's rule for ?case=).
            var read = await operations.GetCaseAsync(actor, caseId);
            if (!read.Succeeded) return read.As<IReadOnlyList<NotificationLine>>();
            var rows = await notifications.ListAsync(new NotificationFilter(CaseId: caseId), NotificationLines);
            return OperationResult<IReadOnlyList<NotificationLine>>.Ok(rows.Select(r => new NotificationLine(r.Type, r.Recipient,
                r.Channel.ToString().ToLowerInvariant(), r.State, r.Attempts, r.LastError, r.OccurredAt, r.DeliveredAt)).ToList());
        });

    public async Task<int?> FailedNotificationsAsync(ClaimsPrincipal user)
    {
        var filter = ActorOf(user) switch
        {
            { Role: Actor.Admin } => new NotificationFilter(State: "failed"),
            { Role: Actor.DutyLeader, Scope: { } county } => new NotificationFilter(State: "failed", CountyId: county),
            _ => null,
        };
        if (filter is null) return null;
        try
        {
            return await notifications.CountFailedAsync(filter);
        }
        catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException)
        {
            logger.LogWarning("Counting failed notifications failed for now: {Message}", error.Message);
            return null;
        }
    }

    public Actor? ActorOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirst(DispatchClaims.Role) is not null ? user.ToActor() : null;

    public async Task<bool> CanWatchAsync(ClaimsPrincipal user, string scope) =>
        ActorOf(user) is { } actor && Ids.IsValid(scope) && await scopes.CanWatchAsync(actor, scope) == ScopeAccess.Allowed;

    public Task<DashboardResult<CaseView>> GetCaseAsync(ClaimsPrincipal user, string caseId) =>
        RunAsync(user, actor => operations.GetCaseAsync(actor, caseId));

    public Task<DashboardResult<IReadOnlyList<CaseView>>> ReportedCasesAsync(ClaimsPrincipal user) =>
        RunAsync(user, actor => operations.ReportedCasesAsync(actor));

    /// <summary>The pages' case list: every open case (up to <see cref="OpenCasesShown"/>) then the <see cref="ClosedCasesShown"/> newest closed ones.</summary>
    public Task<DashboardResult<IReadOnlyList<CaseSummary>>> ListCasesAsync(ClaimsPrincipal user, string centerId) =>
        RunAsync(user, async actor =>
        {
            var open = await operations.ListCasesAsync(actor, centerId, open: true, pageSize: OpenCasesShown);
            if (!open.Succeeded) return open.As<IReadOnlyList<CaseSummary>>();
            var closed = await operations.ListCasesAsync(actor, centerId, open: false, pageSize: ClosedCasesShown);
            return closed.Succeeded
                ? OperationResult<IReadOnlyList<CaseSummary>>.Ok([.. open.Value!.Items, .. closed.Value!.Items])
                : closed.As<IReadOnlyList<CaseSummary>>();
        });

    public Task<DashboardResult<CaseListPage>> FindCasesAsync(ClaimsPrincipal user, string townshipId, CaseFilter filter) =>
        RunAsync(user, actor => operations.ListCasesAsync(actor, townshipId, (scope, now) => InTownship(scope, now, filter)));

    public Task<DashboardResult<CaseCounters>> CountCasesAsync(ClaimsPrincipal user, string townshipId) =>
        RunAsync(user, async actor =>
        {
            // The four counts are independent reads: run them side by side (each page reload of the console asks).
            CaseFilter[] filters =
            [
                new(CaseState.Reported, null, false, false, null, 1, 1),
                new(null, null, true, false, null, 1, 1),
                new(null, null, false, true, null, 1, 1),
                new(null, null, false, false, null, 1, 1) { FollowUpOverdue = true },
            ];
            var pages = await Task.WhenAll(filters.Select(filter =>
                operations.ListCasesAsync(actor, townshipId, (scope, now) => InTownship(scope, now, filter))));
            if (pages.FirstOrDefault(p => !p.Succeeded) is { } failed) return failed.As<CaseCounters>();
            var counts = pages.Select(p => p.Value!.Total).ToArray();
            return OperationResult<CaseCounters>.Ok(new CaseCounters(counts[0], counts[1], counts[2], counts[3]));
        });

    /// <summary>The read-model query of a console filter: the cases reported in the township, wherever handled now.</summary>
    private static CaseListQuery InTownship(CaseScope scope, Instant now, CaseFilter filter) =>
        new(scope, filter.State, filter.OpenOnly ? true : null, filter.Overdue ? true : null, now, Math.Max(1, filter.Page), Math.Clamp(filter.PageSize, 1, 100))
        {
            Risk = filter.Risk,
            Text = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim()[..Math.Min(filter.Text.Trim().Length, CaseFilter.MaxText)],
            DueBefore = filter.DueSoon ? now + CaseFilter.SoonWindow : null,
            ReportedInTownship = true,
            FollowUpOverdue = filter.FollowUpOverdue,
        };

    /// <summary>How many open cases a page lists at most.</summary>
    public const int OpenCasesShown = 1_000;

    /// <summary>How many closed cases a page lists after the open ones.</summary>
    public const int ClosedCasesShown = 200;

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
            CaseCommandKind.Reopen => operations.ReopenAsync(actor, caseId, new ReasonRequest(text)),
            CaseCommandKind.Note => operations.NoteAsync(actor, caseId, new CaseNoteRequest(text)),
            _ => operations.TakeAsync(actor, caseId, new TakeCaseRequest(text)),
        });

    public Task<DashboardResult<CaseView>> LinkAsync(ClaimsPrincipal user, string caseId, string? otherCaseId) =>
        RunAsync(user, actor => operations.LinkAsync(actor, caseId, new LinkCaseRequest(string.IsNullOrWhiteSpace(otherCaseId) ? null : otherCaseId.Trim())));

    public Task<DashboardResult<IReadOnlyList<RepeatSuggestion>>> RepeatSuggestionsAsync(ClaimsPrincipal user, string caseId) =>
        RunAsync(user, actor => operations.RepeatSuggestionsAsync(actor, caseId));

    public Task<DashboardResult<AttachmentFile>> AttachmentAsync(ClaimsPrincipal user, string caseId, int n) =>
        RunAsync(user, async actor =>
        {
            var read = await attachments.ReadAsync(actor, caseId, n);
            return read.Succeeded
                ? OperationResult<AttachmentFile>.Ok(new AttachmentFile(read.Value.Attachment, read.Value.Content))
                : read.As<AttachmentFile>();
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

    public Task<DashboardResult<StatsView>> GetStatsAsync(ClaimsPrincipal user, StatsQuery query) =>
        ReadAsync(user, actor => StatsAccess.MayRead(actor, query.Scope, city)
            ? Ok(stats.GetAsync(query.Scope, query.Period, query.At))
            : Denied<StatsView>($"{actor} may not read the statistics of '{query.Scope}'."));

    public Task<DashboardResult<IReadOnlyList<StatsView>>> RankAsync(ClaimsPrincipal user, RankingQuery query) =>
        ReadAsync(user, actor => StatsAccess.MayRead(actor, query.Scope, city)
            ? Ok(stats.RankingAsync(query.Scope, query.Period, query.At, query.By))
            : Denied<IReadOnlyList<StatsView>>($"{actor} may not read the rankings under '{query.Scope}'."));

    public Task<DashboardResult<IReadOnlyList<ReportHeader>>> ListReportsAsync(ClaimsPrincipal user, string countyId) =>
        ReadAsync(user, actor =>
        {
            if (!city.TryGetCenter(countyId, out var center) || center.Level != CenterLevel.County)
                return Task.FromResult(DashboardResult<IReadOnlyList<ReportHeader>>.Failed(Outcome.Invalid, Fault.Of("notCounty", ("county", countyId))));
            return StatsAccess.MayReadReports(actor, countyId)
                ? Ok(grains.GetGrain<IReportScheduleGrain>(countyId).List())
                : Denied<IReadOnlyList<ReportHeader>>($"{actor} may not read the reports of '{countyId}'.");
        });

    public Task<DashboardResult<string>> ReportDocumentAsync(ClaimsPrincipal user, string reportId, bool csv) =>
        ReadAsync(user, async actor =>
        {
            if (!Ids.IsValid(reportId))
                return DashboardResult<string>.Failed(Outcome.Invalid, Fault.Of("notReportId", ("report", reportId)));
            var grain = grains.GetGrain<IReportGrain>(reportId);
            var report = await grain.Get();
            if (report is null)
                return DashboardResult<string>.Failed(Outcome.NotFound, Fault.Of("noReport", ("report", reportId)));
            if (!StatsAccess.MayReadReports(actor, report.Header.CountyId))
                return Denied<string>($"{actor} may not read report '{reportId}'.").Result;
            var text = csv ? await grain.Csv() : await grain.Html();
            return text is null ? DashboardResult<string>.Failed(Outcome.NotFound, Fault.Of("noReport", ("report", reportId))) : new DashboardResult<string>(Outcome.Ok, text);
        });

    public Task<DashboardResult<StatsCasePage>> StatsCasesAsync(ClaimsPrincipal user, StatsCasesQuery query) =>
        ReadAsync(user, actor => StatsAccess.MayRead(actor, query.Stats.Scope, city)
            ? Ok(stats.CasesAsync(query))
            : Denied<StatsCasePage>($"{actor} may not read the statistics of '{query.Stats.Scope}'."));

    public Task<DashboardResult<ReportHeader>> ProduceReportAsync(ClaimsPrincipal user, Grains.Domain.Reports.ReportProduction production) =>
        // Producing a period again replaces its report with the same content as of now, so a retry is harmless.
        ReadAsync(user, actor => StatsAccess.MayProduceReports(actor, production.CountyId)
            ? Ok(grains.GetGrain<IReportScheduleGrain>(production.CountyId).Produce(production.Kind, production.At))
            : Denied<ReportHeader>($"{actor} may not produce the reports of '{production.CountyId}'."));

    private static async Task<DashboardResult<T>> Ok<T>(Task<T> read) => new(Outcome.Ok, await read);

    private static Task<DashboardResult<T>> Denied<T>(string message) =>
        Task.FromResult(DashboardResult<T>.Failed(Outcome.Forbidden, Fault.Of("forbidden", ("detail", message))));

    private static DashboardResult<T> NotSignedIn<T>() => DashboardResult<T>.Failed(Outcome.Forbidden, Fault.Of("notSignedIn"));

    private static DashboardResult<T> Unavailable<T>() => DashboardResult<T>.Failed(Outcome.Conflict, Fault.Of("engineUnavailable"));

    /// <summary>A read of statistics or reports: authorization is the caller's, temporary failures become Conflict.</summary>
    private async Task<DashboardResult<T>> ReadAsync<T>(ClaimsPrincipal user, Func<Actor, Task<DashboardResult<T>>> read)
    {
        if (ActorOf(user) is not { } actor)
            return NotSignedIn<T>();
        try
        {
            return await retry.RunAsync(() => read(actor));
        }
        catch (Exception error) when (Errors.TransientFailures.Is(error))
        {
            logger.LogWarning("A dashboard read of {Actor} failed for now: {Message}", actor, error.Message);
            return Unavailable<T>();
        }
    }

    private async Task<DashboardResult<T>> RunAsync<T>(ClaimsPrincipal user, Func<Actor, Task<OperationResult<T>>> operation)
    {
        if (ActorOf(user) is not { } actor)
            return NotSignedIn<T>();
        try
        {
            var result = await retry.RunAsync(() => operation(actor));
            return new DashboardResult<T>(result.Outcome, result.Value, result.Succeeded ? null : Describe(result))
            {
                Fault = result.Fault,
                Faults = result.Faults,
            };
        }
        catch (Exception error) when (Errors.TransientFailures.Is(error))
        {
            logger.LogWarning("A dashboard operation of {Actor} failed for now: {Message}", actor, error.Message);
            return Unavailable<T>();
        }
    }

    private static string Describe<T>(OperationResult<T> result) =>
        result.Errors is { Count: > 0 } errors
            ? string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            : result.Detail ?? result.Outcome.ToString();
}
