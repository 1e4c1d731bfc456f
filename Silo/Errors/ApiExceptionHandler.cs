using Dispatch.Silo.Application;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Dispatch.Silo.Options;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Errors;

/// <summary>
/// Turns exceptions that escape an endpoint into problem+json: a rejected request (Kestrel's bad request, body too
/// large) keeps its status; a grain call that timed out or failed to reach its silo, or an unreachable store, is 503 with Retry-After (once <see cref="EngineRetry"/> has spent the request's budget); anything else is 500 with a trace
/// id and no stack trace. The process never goes down for one request.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IOptions<RetryOptions> retry, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
            return true;

        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                problem = Problems.PayloadTooLarge(Api.Binding.JsonBodyReader.MaxBodyBytes);
                break;
            case BadHttpRequestException bad:
                problem = Problems.Create(bad.StatusCode, "The request could not be read.", bad.Message);
                break;
            case OperationUnavailableException unavailable:
                logger.LogWarning("Operation unavailable: {Message}", unavailable.Message);
                problem = Problems.Unavailable(unavailable.Message);
                break;
            case var transient when TransientFailures.Is(transient):
                logger.LogWarning("The engine or its store did not answer: {Type}: {Message}", transient.GetType().Name, transient.Message);
                problem = Problems.Unavailable("The engine or its store is unavailable for the moment; try again.");
                break;
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                problem = Problems.Internal();
                break;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (httpContext.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.Value.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
