using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Silo.Errors;

/// <summary>Builds the API's problem details, each with its stable <see cref="ProblemTypes">type</see>.</summary>
public static class Problems
{
    public static ProblemDetails Create(int status, string title, string? detail) => new()
    {
        Status = status,
        Type = ProblemTypes.ForStatus(status),
        Title = title,
        Detail = detail,
    };

    /// <summary>400 with field errors: <c>errors: { field: [messages] }</c>.</summary>
    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors, string? detail = null) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Type = ProblemTypes.Validation,
        Title = "The request is not valid.",
        Detail = detail ?? "See errors for the fields at fault.",
    };

    public static HttpValidationProblemDetails Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemDetails Unauthorized(string detail) => Create(StatusCodes.Status401Unauthorized, "Not authenticated.", detail);

    public static ProblemDetails Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, "Not allowed.", detail);

    public static ProblemDetails NotFound(string detail) => Create(StatusCodes.Status404NotFound, "Not found.", detail);

    public static ProblemDetails Conflict(string detail) => Create(StatusCodes.Status409Conflict, "The state does not allow this.", detail);

    public static ProblemDetails PayloadTooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"Request bodies are limited to {limit / 1024} KB.");

    public static ProblemDetails UriTooLong(int limit) =>
        Create(StatusCodes.Status414UriTooLong, "The request URI is too long.", $"Request targets (path and query) are limited to {limit} characters.");

    public static ProblemDetails HeadersTooLarge(int limit) =>
        Create(StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request headers are too large.", $"Request headers are limited to {limit / 1024} KB in all.");

    public static ProblemDetails TooManyRequests(int retryAfterSeconds) =>
        Create(StatusCodes.Status429TooManyRequests, "Too many requests.", $"This principal (or address) has used up its request rate; try again in {retryAfterSeconds} s.");

    public static ProblemDetails UnsupportedMediaType() =>
        Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", "Send the body as application/json.");

    public static ProblemDetails Unavailable(string detail) => Create(StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable.", detail);

    public static ProblemDetails NotImplemented(string detail) => Create(StatusCodes.Status501NotImplemented, "Not implemented yet.", detail);

    public static ProblemDetails Internal() =>
        Create(StatusCodes.Status500InternalServerError, "An unexpected error occurred.", "The error was logged; quote the traceId when reporting it.");

    /// <summary>The problem as a typed result (the status is taken from the details).</summary>
    public static ProblemHttpResult Result(ProblemDetails problem) => TypedResults.Problem(problem);
}
