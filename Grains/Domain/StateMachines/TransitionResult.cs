using Dispatch.Grains.Interfaces.Faults;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.StateMachines;

/// <summary>
/// The answer of a state machine: an expected business outcome, returned rather than thrown.
/// </summary>
/// <typeparam name="TState">The state enum.</typeparam>
/// <param name="Outcome">Allowed, AlreadyThere or Forbidden.</param>
/// <param name="From">The current state.</param>
/// <param name="To">The resulting state when allowed or already there; the requested target when forbidden.</param>
/// <param name="Message">Null when allowed; otherwise a human sentence naming both states (camelCase, as in the API).</param>
public sealed record TransitionResult<TState>(TransitionOutcome Outcome, TState From, TState To, string? Message)
    where TState : struct, Enum
{
    /// <summary>True when the transition is allowed.</summary>
    public bool IsAllowed => Outcome == TransitionOutcome.Allowed;

    /// <summary>True when the call is an idempotent repeat.</summary>
    public bool IsAlreadyThere => Outcome == TransitionOutcome.AlreadyThere;

    /// <summary>True when the transition is forbidden.</summary>
    public bool IsForbidden => Outcome == TransitionOutcome.Forbidden;

    /// <summary>A forbidden move as data: caseTransition or summonsTransition with from, to (enum names) and the message.</summary>
    public Fault Fault => Fault.Of(typeof(TState) == typeof(SummonsState) ? "summonsTransition" : "caseTransition",
        ("from", From), ("to", To), ("message", Message));
}
