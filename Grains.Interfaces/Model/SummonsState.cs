namespace Dispatch.Grains.Interfaces.Model;

/// <summary>
/// The life cycle of one summons (哨令) to one department: issued → acknowledged → arrived → fedBack,
/// or declined, escalated (a deadline passed) or cancelled (the case ended). Open states are
/// issued, acknowledged and arrived; the others are terminal.
/// </summary>
public enum SummonsState
{
    /// <summary>Sent to the department; waiting for acknowledgement. Open.</summary>
    Issued,

    /// <summary>Acknowledged 签收 by the department. Open.</summary>
    Acknowledged,

    /// <summary>The department has reported in 报到 (in person or online). Open.</summary>
    Arrived,

    /// <summary>The department has fed back 反馈 its final result. Terminal.</summary>
    FedBack,

    /// <summary>The department declined the summons with a reason. Terminal.</summary>
    Declined,

    /// <summary>A deadline passed and the summons was escalated one level up. Terminal.</summary>
    Escalated,

    /// <summary>Withdrawn because the case was resolved or closed. Terminal.</summary>
    Cancelled,
}
