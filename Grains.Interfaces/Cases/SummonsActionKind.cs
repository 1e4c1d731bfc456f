namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>What a summoned department does.</summary>
public enum SummonsActionKind
{
    /// <summary>签收</summary>
    Acknowledge,

    /// <summary>报到</summary>
    Arrive,

    /// <summary>反馈; with Done the department's part is finished.</summary>
    Feedback,

    /// <summary>Declines with a reason (wrong department).</summary>
    Decline,
}
