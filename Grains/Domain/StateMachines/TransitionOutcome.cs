namespace Dispatch.Grains.Domain.StateMachines;

/// <summary>The outcome of asking a state machine for a transition.</summary>
public enum TransitionOutcome
{
    /// <summary>The transition is allowed; apply it.</summary>
    Allowed,

    /// <summary>Already in the target state: an idempotent repeat; change nothing and report success.</summary>
    AlreadyThere,

    /// <summary>Not allowed from the current state; the result's message says why.</summary>
    Forbidden,
}
