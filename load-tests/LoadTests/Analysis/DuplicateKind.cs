namespace Dispatch.LoadTests.Analysis;

/// <summary>How something came twice.</summary>
public enum DuplicateKind
{
    /// <summary>The live channel announced the same new summons (issued, version 1) twice.</summary>
    SummonsAnnouncedTwice,

    /// <summary>A whistle summoned the same department twice for one case (two summons ids at level 0).</summary>
    DepartmentSummonedTwice,

    /// <summary>One summons was escalated into two different new summonses.</summary>
    SummonsEscalatedTwice,

    /// <summary>The live channel announced the same escalation twice.</summary>
    EscalationAnnouncedTwice,
}
