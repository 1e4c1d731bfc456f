using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Faults;
using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Application;

/// <summary>
/// The result of a <see cref="DispatchOperations"/> call, shared by the HTTP API and the dashboard:
/// <see cref="Value"/> when <see cref="Outcome"/> is Ok or Unchanged; otherwise <see cref="Detail"/> says why and, for
/// Invalid, <see cref="Errors"/> names every field at fault (field → messages, as problem+json's <c>errors</c>). The same
/// reasons as data: <see cref="Fault"/> (the outcome's) and <see cref="Faults"/> (each field's), which the dashboard
/// renders in its own language.
/// </summary>
public sealed record OperationResult<T>(Outcome Outcome, T? Value, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Outcome is Outcome.Ok or Outcome.Unchanged;

    /// <summary>Why it failed, as data (<see cref="Detail"/> is its English); null on success.</summary>
    public Fault? Fault { get; init; }

    /// <summary>For Invalid, each field's fault (<see cref="Errors"/> in English); empty otherwise.</summary>
    public IReadOnlyList<FieldFault> Faults { get; init; } = [];

    public static OperationResult<T> Ok(T value) => new(Outcome.Ok, value);

    public static OperationResult<T> NotFound(Fault fault) => new(Outcome.NotFound, default, fault.English) { Fault = fault };

    /// <summary>A refusal; its English <paramref name="detail"/> becomes the argument of a "forbidden" fault.</summary>
    public static OperationResult<T> Forbidden(string detail) =>
        new(Outcome.Forbidden, default, detail) { Fault = Fault.Of("forbidden", ("detail", detail)) };

    public static OperationResult<T> Conflict(Fault fault) => new(Outcome.Conflict, default, fault.English) { Fault = fault };

    public static OperationResult<T> Invalid(string field, Fault fault)
    {
        var errors = new RequestErrors();
        errors.Add(field, fault);
        return Invalid(errors);
    }

    public static OperationResult<T> Invalid(RequestErrors errors)
    {
        var all = errors.ToDictionary();
        return new(Outcome.Invalid, default, string.Join(" ", all.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            new Dictionary<string, string[]>(all, StringComparer.Ordinal)) { Faults = errors.Faults.ToList() };
    }

    /// <summary>What every refusal by a grain says: a grain's own reason may name the township or department a case or
    /// summons belongs to, which a caller outside them must not learn (a 403 reveals nothing about other scopes).</summary>
    public const string ForbiddenByScope = "The caller's role and scope do not allow this on that case or summons.";

    /// <summary>
    /// A grain's command result as an operation result (its one field error becomes <see cref="Errors"/>; a refusal
    /// says <see cref="ForbiddenByScope"/>, not the grain's reason). A result without a fault (stored before faults
    /// existed) keeps its English as a free text.
    /// </summary>
    public static OperationResult<T> From(CommandResult<T> result)
    {
        var fault = result.Fault ?? Fault.Text(result.Error ?? result.Outcome.ToString());
        return result switch
        {
            { Succeeded: true } => new(result.Outcome, result.Value),
            { Outcome: Outcome.Invalid } => Invalid(result.Field ?? "body", result.Fault ?? Fault.Text(result.Error ?? "Not valid.")),
            { Outcome: Outcome.Forbidden } => Forbidden(ForbiddenByScope),
            _ => new(result.Outcome, default, result.Error) { Fault = fault },
        };
    }

    /// <summary>The same failure carrying another value type.</summary>
    /// <exception cref="InvalidOperationException">The result succeeded.</exception>
    public OperationResult<TOther> As<TOther>() =>
        Succeeded ? throw new InvalidOperationException("Only a failure changes its value type.") : new(Outcome, default, Detail, Errors) { Fault = Fault, Faults = Faults };
}
