namespace Dispatch.Grains.Interfaces.Model;

/// <summary>
/// The life cycle of a case: reported → triaged → whistled → inProgress → resolved → closed →
/// followedUp. The allowed transitions are defined by the domain's case state machine.
/// </summary>
public enum CaseState
{
    /// <summary>Accepted 受理, not yet triaged.</summary>
    Reported,

    /// <summary>Category, tier and deadline fixed (三定).</summary>
    Triaged,

    /// <summary>Departments have been summoned (吹哨); none has started work yet.</summary>
    Whistled,

    /// <summary>At least one summoned department is working on it.</summary>
    InProgress,

    /// <summary>Handled and resolved 办结/化解.</summary>
    Resolved,

    /// <summary>Closed and replied 结案.</summary>
    Closed,

    /// <summary>Closed and the follow-up visit 回访 has recorded satisfaction.</summary>
    FollowedUp,
}
