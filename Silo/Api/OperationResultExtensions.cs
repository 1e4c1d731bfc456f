using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Application;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Api;

public static class OperationResultExtensions
{
    /// <summary>
    /// The HTTP answer for an operation's result: Ok and Unchanged (a repeat of a transition that already happened) are
    /// 200 with the value; NotFound 404, Forbidden 403, Conflict 409, Invalid 400 naming the fields.
    /// </summary>
    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(this OperationResult<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value!) : result.ToProblem();

    /// <summary>The problem for a failed result (404, 403, 409 or 400).</summary>
    /// <exception cref="InvalidOperationException">The result succeeded.</exception>
    public static ProblemHttpResult ToProblem<T>(this OperationResult<T> result) => result.Outcome switch
    {
        Outcome.Ok or Outcome.Unchanged => throw new InvalidOperationException("The operation succeeded."),
        Outcome.NotFound => Problems.Result(Problems.NotFound(result.Detail ?? "Not found.")),
        Outcome.Forbidden => Problems.Result(Problems.Forbidden(result.Detail ?? "Not allowed.")),
        Outcome.Conflict => Problems.Result(Problems.Conflict(result.Detail ?? "The state does not allow this.")),
        _ => Problems.Result(Problems.Validation(result.Errors?.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, string[]> { ["body"] = [result.Detail ?? "Not valid."] })),
    };
}
