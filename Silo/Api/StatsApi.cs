using Dispatch.Grains.Interfaces.Faults;
using System.Security.Claims;
using Dispatch.Grains.Domain;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Reports;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Reports;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.ReadModels;
using Orleans;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Api.Contracts;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Errors;
using Dispatch.Silo.OpenApi;
using NodaTime;

namespace Dispatch.Silo.Api;

/// <summary>
/// /api/v1/stats: statistics (考核) of a department, township, county or the city for a day, week, month or quarter in
/// Asia/Shanghai, rankings, and the counties' cadence reports. Figures come from the incremental statistics grains;
/// <c>Accept: text/csv</c> (or <c>?format=csv</c>) gives CSV.
/// </summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/stats").WithTags("Statistics");
        api.MapGet("/", Get).WithName("GetStats")
            .WithSummary("Statistics of a center or department over a period (period=day|week|month|quarter, at=YYYY-MM-DD)")
            .Produces<StatsView>().WithMetadata(new AlternateContent("text/csv"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/ranking", Ranking).WithName("GetStatsRanking")
            .WithSummary("Departments or townships under a scope ranked best first (by=department|township)")
            .Produces<StatsView[]>().WithMetadata(new AlternateContent("text/csv"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/reports", ListReports).WithName("ListReports")
            .WithSummary("A county's cadence reports (daily dispatch, weekly analysis, monthly review, quarterly evaluation)")
            .Produces<ReportHeader[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/cases", Cases).WithName("GetStatsCases")
            .WithSummary("The cases behind one figure of the statistics (metric=accepted|resolved|…), newest report first; their counts add up to the figure")
            .Produces<StatsCasesPage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/reports", ProduceReport).RequireAuthorization(Policies.DutyLeader).WithName("ProduceReport")
            .WithSummary("Produce a county's cadence report of the period containing at (default today) now, the period so far; replaces a stored one")
            .Produces<ReportHeader>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/reports/{id}", GetReport).WithName("GetReport")
            .WithSummary("One cadence report as JSON, or HTML / CSV by Accept header or ?format=html|csv")
            .Produces<CadenceReport>().WithMetadata(new AlternateContent("text/html"), new AlternateContent("text/csv"))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static async Task<IResult> Get([QuerySchema(QueryKind.Id, Required = true)] string? scope,
        [QuerySchema(QueryKind.Word, Required = true, Words = ["day", "week", "month", "quarter"])] string? period,
        [QuerySchema(QueryKind.Date)] string? at, [QuerySchema(QueryKind.Word, Words = ["csv"])] string? format, HttpRequest request,
        ClaimsPrincipal user, CityModel city, IClock clock, StatsQueries stats)
    {
        if (!StatsQuery.TryParse(scope, period, at, city, Today(clock), out var query, out var error))
            return Invalid(error);
        if (!StatsAccess.MayRead(user.ToActor(), query.Scope, city))
            return Forbidden($"{user.ToActor()} may not read the statistics of '{query.Scope}'.");
        var view = await stats.GetAsync(query.Scope, query.Period, query.At);
        return WantsCsv(request, format) ? Csv(StatsCsv.Render(view)) : TypedResults.Ok(view);
    }

    public static async Task<IResult> Ranking([QuerySchema(QueryKind.Id, Required = true)] string? scope,
        [QuerySchema(QueryKind.Word, Required = true, Words = ["day", "week", "month", "quarter"])] string? period,
        [QuerySchema(QueryKind.Date)] string? at, [QuerySchema(QueryKind.Word, Required = true, Words = ["department", "township"])] string? by,
        [QuerySchema(QueryKind.Word, Words = ["csv"])] string? format,
        HttpRequest request, ClaimsPrincipal user, CityModel city, IClock clock, StatsQueries stats)
    {
        if (!RankingQuery.TryParse(scope, period, at, by, city, Today(clock), out var query, out var error))
            return Invalid(error);
        if (!StatsAccess.MayRead(user.ToActor(), query.Scope, city))
            return Forbidden($"{user.ToActor()} may not read the rankings under '{query.Scope}'.");
        var rows = await stats.RankingAsync(query.Scope, query.Period, query.At, query.By);
        return WantsCsv(request, format) ? Csv(StatsCsv.RenderRanking(rows)) : TypedResults.Ok(rows);
    }

    public static async Task<IResult> Cases([QuerySchema(QueryKind.Id, Required = true)] string? scope,
        [QuerySchema(QueryKind.Word, Required = true, Words = ["day", "week", "month", "quarter"])] string? period,
        [QuerySchema(QueryKind.Date)] string? at,
        [QuerySchema(QueryKind.Word, Required = true, Words = ["accepted", "resolved", "closed", "summoned", "acked-on-time", "escalations", "follow-ups", "reopened", "repeats"])] string? metric,
        [QuerySchema(QueryKind.Integer, Minimum = 1, Maximum = StatsCasesQuery.MaxPage, Default = 1)] string? page,
        [QuerySchema(QueryKind.Integer, Minimum = 1, Maximum = StatsCasesQuery.MaxPageSize, Default = StatsCasesQuery.DefaultPageSize)] string? pageSize,
        ClaimsPrincipal user, CityModel city, IClock clock, StatsQueries stats)
    {
        if (!StatsCasesQuery.TryParse(scope, period, at, metric, page, pageSize, city, Today(clock), out var query, out var error))
            return Invalid(error);
        if (!StatsAccess.MayRead(user.ToActor(), query.Stats.Scope, city))
            return Forbidden($"{user.ToActor()} may not read the statistics of '{query.Stats.Scope}'.");
        var found = await stats.CasesAsync(query);
        return TypedResults.Ok(new StatsCasesPage(StatsMetrics.Name(query.Metric), found.Items.Select(i => new StatsCaseItem(i.Case, i.Count)).ToList(),
            query.Page, query.PageSize, found.Total, found.Sum));
    }

    public static async Task<IResult> ProduceReport(JsonBody<ProduceReportRequest> body, ClaimsPrincipal user, CityModel city, IClock clock, IGrainFactory grains)
    {
        var request = body.Value;
        if (ReportProduction.IsUnknownCenter(request.County, city))
            return Problems.Result(Problems.NotFound($"There is no center '{request.County}'."));
        if (!ReportProduction.TryCreate(request.County, request.Kind, request.At, city, Today(clock), out var production, out var error))
            return Invalid(error);
        if (!StatsAccess.MayProduceReports(user.ToActor(), production.CountyId))
            return Forbidden($"{user.ToActor()} may not produce the reports of '{production.CountyId}'.");
        var header = await grains.GetGrain<IReportScheduleGrain>(production.CountyId).Produce(production.Kind, production.At);
        return TypedResults.Created($"/api/v1/stats/reports/{Uri.EscapeDataString(header.Id)}", header);
    }

    public static async Task<IResult> ListReports([QuerySchema(QueryKind.Id, Required = true)] string? county, ClaimsPrincipal user, CityModel city, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(county) || !city.TryGetCenter(county, out var center) || center.Level != Grains.Interfaces.Model.CenterLevel.County)
            return Invalid(new FieldError("county", Fault.Of("notCounty", ("county", county))));
        if (!StatsAccess.MayReadReports(user.ToActor(), county))
            return Forbidden($"{user.ToActor()} may not read the reports of '{county}'.");
        return TypedResults.Ok(await grains.GetGrain<IReportScheduleGrain>(county).List());
    }

    public static async Task<IResult> GetReport(string id, [QuerySchema(QueryKind.Word, Words = ["html", "csv"])] string? format, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (PathIds.Invalid(id, "id") is { } invalid)
            return invalid;
        var grain = grains.GetGrain<IReportGrain>(id);
        var report = await grain.Get();
        if (report is null)
            return Problems.Result(Problems.NotFound($"No report '{id}'."));
        if (!StatsAccess.MayReadReports(user.ToActor(), report.Header.CountyId))
            return Forbidden($"{user.ToActor()} may not read report '{id}'.");
        if (WantsCsv(request, format))
            return Csv((await grain.Csv())!);
        if (format == "html" || Accepts(request, "text/html"))
            return TypedResults.Text((await grain.Html())!, "text/html; charset=utf-8");
        return TypedResults.Ok(report);
    }

    private static LocalDate Today(IClock clock) => clock.GetCurrentInstant().InZone(ChinaTime.Zone).Date;

    private static bool WantsCsv(HttpRequest request, string? format) => format == "csv" || Accepts(request, "text/csv");

    private static bool Accepts(HttpRequest request, string mediaType) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains(mediaType, StringComparison.OrdinalIgnoreCase));

    private static IResult Csv(string csv) => TypedResults.Text(csv, "text/csv; charset=utf-8");

    private static IResult Invalid(FieldError error) => Problems.Result(Problems.Validation(error.Field, error.Message));

    private static IResult Forbidden(string detail) => Problems.Result(Problems.Forbidden(detail));
}
