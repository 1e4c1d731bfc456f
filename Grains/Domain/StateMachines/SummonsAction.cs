namespace Dispatch.Grains.Domain.StateMachines;

/// <summary>What happens to a summons; each action has a target <see cref="Interfaces.Model.SummonsState"/>.</summary>
public enum SummonsAction
{
    /// <summary>The department acknowledges (签收); target acknowledged.</summary>
    Acknowledge,

    /// <summary>The department reports in (报到); target arrived. Implies acknowledgement when still issued.</summary>
    Arrive,

    /// <summary>The department feeds back its final result (反馈, done = true); target fedBack.</summary>
    FeedBack,

    /// <summary>The department declines with a reason; target declined.</summary>
    Decline,

    /// <summary>A deadline passed and the summons goes one level up; target escalated.</summary>
    Escalate,

    /// <summary>The case was resolved or closed; target cancelled.</summary>
    Cancel,
}
