using Dispatch.Runtime;
using Dispatch.Runtime.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Silo.Errors;

/// <summary>
/// Turns exceptions that escape an endpoint into problem+json: a rejected request (Kestrel's bad request, body too
/// large) keeps its status; a grain call timeout or an unreachable store is 503; anything else is 500 with a trace
/// id and no stack trace. The process never goes down for one request.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
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
            case GrainCallTimeoutException timeout:
                logger.LogWarning("Grain call timed out: {Message}", timeout.Message);
                problem = Problems.Unavailable("The engine did not answer in time; try again.");
                break;
            case StorageUnavailableException storage:
                logger.LogError("Store unavailable: {Message}", storage.Message);
                problem = Problems.Unavailable("The store is unavailable; try again later.");
                break;
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                problem = Problems.Internal();
                break;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
