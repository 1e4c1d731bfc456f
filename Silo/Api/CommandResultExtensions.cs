using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Api;

public static class CommandResultExtensions
{
    /// <summary>
    /// The HTTP answer for a grain's command result: Ok and Unchanged (a repeat of a transition that already happened)
    /// are 200 with the value; NotFound 404, Forbidden 403, Conflict 409, Invalid 400 naming the field.
    /// </summary>
    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(this CommandResult<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value!) : result.ToProblem();

    /// <summary>The problem for a failed result (404, 403, 409 or 400).</summary>
    /// <exception cref="InvalidOperationException">The result succeeded.</exception>
    public static ProblemHttpResult ToProblem<T>(this CommandResult<T> result) => result.Outcome switch
    {
        Outcome.Ok or Outcome.Unchanged => throw new InvalidOperationException("The command succeeded."),
        Outcome.NotFound => Problems.Result(Problems.NotFound(result.Error ?? "Not found.")),
        Outcome.Forbidden => Problems.Result(Problems.Forbidden(result.Error ?? "Not allowed.")),
        Outcome.Conflict => Problems.Result(Problems.Conflict(result.Error ?? "The state does not allow this.")),
        _ => Problems.Result(Problems.Validation(result.Field ?? "body", result.Error ?? "Not valid.")),
    };
}
