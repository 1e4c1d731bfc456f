using System.Security.Claims;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Grains.Interfaces.Stats;

namespace Dispatch.Dashboard.Services;

/// <summary>
/// What the dashboard's pages do, implemented by the host with the HTTP API's own rules (role policy, request checks,
/// scope authorization, the grains), so that a page may do exactly what its signed-in principal may do over the API.
/// Every method takes that principal; expected failures are results, not exceptions.
/// </summary>
public interface IDashboardBackend
{
    /// <summary>The principal's role, scope and name; null when it is not a Dispatch principal.</summary>
    Actor? ActorOf(ClaimsPrincipal user);

    /// <summary>May the principal watch this center, department or case live (the hub's and the stream's rule)?</summary>
    Task<bool> CanWatchAsync(ClaimsPrincipal user, string scope);

    Task<DashboardResult<CaseView>> GetCaseAsync(ClaimsPrincipal user, string caseId);

    /// <summary>The cases a grid worker reported itself, newest first (Forbidden for other roles).</summary>
    Task<DashboardResult<IReadOnlyList<CaseView>>> ReportedCasesAsync(ClaimsPrincipal user);

    /// <summary>The cases of a center and the centers under it, newest first.</summary>
    Task<DashboardResult<IReadOnlyList<CaseSummary>>> ListCasesAsync(ClaimsPrincipal user, string centerId);

    /// <summary>A page of the cases reported in a township (wherever handled now), filtered in the database, newest first.</summary>
    Task<DashboardResult<Grains.ReadModels.CaseListPage>> FindCasesAsync(ClaimsPrincipal user, string townshipId, CaseFilter filter);

    /// <summary>The console's counters over the cases reported in a township.</summary>
    Task<DashboardResult<CaseCounters>> CountCasesAsync(ClaimsPrincipal user, string townshipId);

    Task<DashboardResult<IReadOnlyList<SummonsView>>> ListSummonsesAsync(ClaimsPrincipal user, string departmentId, bool openOnly);

    Task<DashboardResult<CaseView>> ReportAsync(ClaimsPrincipal user, ReportInput input);

    Task<DashboardResult<CaseView>> TriageAsync(ClaimsPrincipal user, string caseId, TriageInput input);

    Task<DashboardResult<IReadOnlyList<SummonsView>>> WhistleAsync(ClaimsPrincipal user, string caseId, WhistleInput input);

    /// <summary>
    /// Resolve (text: the outcome), close (text: a note), escalate (text: the reason), supervise (text: the note),
    /// take (text: an optional reason), reopen (text: the reason) or note (text: the note; the annotators' rule).
    /// </summary>
    Task<DashboardResult<CaseView>> ApplyAsync(ClaimsPrincipal user, string caseId, CaseCommandKind kind, string? text);

    /// <summary>Links the case and <paramref name="otherCaseId"/> as the same problem (POST /cases/{id}/link).</summary>
    Task<DashboardResult<CaseView>> LinkAsync(ClaimsPrincipal user, string caseId, string? otherCaseId);

    /// <summary>Similar cases of the case's grid and category not linked yet, for a handler (Forbidden for other roles).</summary>
    Task<DashboardResult<IReadOnlyList<RepeatSuggestion>>> RepeatSuggestionsAsync(ClaimsPrincipal user, string caseId);

    /// <summary>Attachment <paramref name="n"/> of the case and its bytes, with the API's read rights; NotFound, Forbidden.</summary>
    Task<DashboardResult<AttachmentFile>> AttachmentAsync(ClaimsPrincipal user, string caseId, int n);

    Task<DashboardResult<CaseView>> FollowUpAsync(ClaimsPrincipal user, string caseId, int? satisfaction, string? note);

    /// <summary>Acknowledge, arrive, feed back (<paramref name="done"/> ends the department's part) or decline (note: the reason).</summary>
    Task<DashboardResult<SummonsView>> ActOnSummonsAsync(ClaimsPrincipal user, string summonsId, SummonsActionKind kind, string? note, bool done);

    /// <summary>The statistics of a validated query; Forbidden when <see cref="StatsAccess.MayRead"/> says no.</summary>
    Task<DashboardResult<StatsView>> GetStatsAsync(ClaimsPrincipal user, StatsQuery query);

    /// <summary>A validated ranking, best first; Forbidden when <see cref="StatsAccess.MayRead"/> says no.</summary>
    Task<DashboardResult<IReadOnlyList<StatsView>>> RankAsync(ClaimsPrincipal user, RankingQuery query);

    /// <summary>A county's cadence reports, newest first; Forbidden unless <see cref="StatsAccess.MayReadReports"/>.</summary>
    Task<DashboardResult<IReadOnlyList<ReportHeader>>> ListReportsAsync(ClaimsPrincipal user, string countyId);

    /// <summary>Who was notified of the case, how and when (newest first), for a principal who may read the case.</summary>
    Task<DashboardResult<IReadOnlyList<NotificationLine>>> CaseNotificationsAsync(ClaimsPrincipal user, string caseId);

    /// <summary>
    /// How many notifications were given up on (failed after every retry): a duty leader's county, everything for admin;
    /// null for other roles.
    /// </summary>
    Task<int?> FailedNotificationsAsync(ClaimsPrincipal user);

    /// <summary>How many silos of the cluster are active now, as this silo's membership view says (1 for a single silo).</summary>
    int ActiveSilos();

    /// <summary>One cadence report as HTML, or as CSV when <paramref name="csv"/>; NotFound, Forbidden.</summary>
    Task<DashboardResult<string>> ReportDocumentAsync(ClaimsPrincipal user, string reportId, bool csv);

    /// <summary>
    /// A page of the cases behind one figure of the statistics (the drill-down), with the same read rights
    /// (<see cref="StatsAccess.MayRead"/>); their counts add up to the figure.
    /// </summary>
    Task<DashboardResult<Grains.ReadModels.StatsCasePage>> StatsCasesAsync(ClaimsPrincipal user, StatsCasesQuery query);

    /// <summary>
    /// Produces a county's cadence report of the period containing the request's date now (the period so far), stores and
    /// lists it; Forbidden unless <see cref="StatsAccess.MayProduceReports"/>.
    /// </summary>
    Task<DashboardResult<ReportHeader>> ProduceReportAsync(ClaimsPrincipal user, Grains.Domain.Reports.ReportProduction production);
}
