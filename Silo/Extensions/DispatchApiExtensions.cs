using Dispatch.Silo.Api;
using Dispatch.Silo.Api.Binding;
using Dispatch.Silo.Application;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Hosting;

namespace Dispatch.Silo.Extensions;

public static class DispatchApiExtensions
{
    /// <summary>
    /// The HTTP pipeline and endpoints: problem+json for every error (too long a URI or too large headers, exceptions,
    /// framework 404/405, auth, rate limits), bearer
    /// authentication, /health, /openapi/v1.json, and /api/v1 (API.md).
    /// </summary>
    public static WebApplication MapDispatchApi(this WebApplication app)
    {
        app.UseDispatchRequestLimits();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthApi();
        app.MapOpen311Api();
        Field.FieldReportPage.MapFieldReportPage(app);

        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization()
            .AddEndpointFilter<BodyProblemFilter>()
            .AddEndpointFilter<EngineRetryFilter>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapAuthApi(app.Services.GetRequiredService<SiloSettings>().DevTokens);
        v1.MapOrgApi();
        v1.MapCasesApi().ProducesProblem(StatusCodes.Status409Conflict);
        v1.MapAttachmentsApi();
        v1.MapSummonsesApi();
        v1.MapDutyApi();
        v1.MapStreamApi();
        v1.MapStatsApi();
        v1.MapMetricsApi();
        v1.MapNotificationsApi();
        return app;
    }
}
