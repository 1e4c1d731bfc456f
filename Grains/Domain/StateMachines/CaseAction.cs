namespace Dispatch.Grains.Domain.StateMachines;

/// <summary>What a caller does to a case; each action has a target <see cref="Interfaces.Model.CaseState"/>.</summary>
public enum CaseAction
{
    /// <summary>Fix category, tier and deadline; target triaged.</summary>
    Triage,

    /// <summary>Summon departments (吹哨); target whistled. Repeatable while whistled or in progress (adds departments).</summary>
    Whistle,

    /// <summary>The first summoned department acknowledges or arrives; target inProgress.</summary>
    StartWork,

    /// <summary>Resolve (办结); target resolved.</summary>
    Resolve,

    /// <summary>Close (结案); target closed.</summary>
    Close,

    /// <summary>Record the follow-up visit (回访) and satisfaction; target followedUp (see the state machine for when the state changes).</summary>
    FollowUp,

    /// <summary>
    /// Reopen a resolved, closed or followed-up case (the resident says it is not fixed, or was unsatisfied); target
    /// triaged, from where the departments that resolved it are whistled again.
    /// </summary>
    Reopen,
}
