using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Application;

/// <summary>
/// The result of a <see cref="DispatchOperations"/> call, shared by the HTTP API and the dashboard:
/// <see cref="Value"/> when <see cref="Outcome"/> is Ok or Unchanged; otherwise <see cref="Detail"/> says why and, for
/// Invalid, <see cref="Errors"/> names every field at fault (field → messages, as problem+json's <c>errors</c>).
/// </summary>
public sealed record OperationResult<T>(Outcome Outcome, T? Value, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Outcome is Outcome.Ok or Outcome.Unchanged;

    public static OperationResult<T> Ok(T value) => new(Outcome.Ok, value);

    public static OperationResult<T> NotFound(string detail) => new(Outcome.NotFound, default, detail);

    public static OperationResult<T> Forbidden(string detail) => new(Outcome.Forbidden, default, detail);

    public static OperationResult<T> Conflict(string detail) => new(Outcome.Conflict, default, detail);

    public static OperationResult<T> Invalid(string field, string message) =>
        new(Outcome.Invalid, default, message, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static OperationResult<T> Invalid(RequestErrors errors)
    {
        var all = errors.ToDictionary();
        return new(Outcome.Invalid, default, string.Join(" ", all.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            new Dictionary<string, string[]>(all, StringComparer.Ordinal));
    }

    /// <summary>What every refusal by a grain says: a grain's own reason may name the township or department a case or
    /// summons belongs to, which a caller outside them must not learn (a 403 reveals nothing about other scopes).</summary>
    public const string ForbiddenByScope = "The caller's role and scope do not allow this on that case or summons.";

    /// <summary>
    /// A grain's command result as an operation result (its one field error becomes <see cref="Errors"/>; a refusal
    /// says <see cref="ForbiddenByScope"/>, not the grain's reason).
    /// </summary>
    public static OperationResult<T> From(CommandResult<T> result) => result switch
    {
        { Succeeded: true } => new(result.Outcome, result.Value),
        { Outcome: Outcome.Invalid } => Invalid(result.Field ?? "body", result.Error ?? "Not valid."),
        { Outcome: Outcome.Forbidden } => Forbidden(ForbiddenByScope),
        _ => new(result.Outcome, default, result.Error),
    };

    /// <summary>The same failure carrying another value type.</summary>
    /// <exception cref="InvalidOperationException">The result succeeded.</exception>
    public OperationResult<TOther> As<TOther>() =>
        Succeeded ? throw new InvalidOperationException("Only a failure changes its value type.") : new(Outcome, default, Detail, Errors);
}
