using Dispatch.Grains.Cases;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.Cases;

/// <summary>
/// The residents' loop (回访): when a follow-up or a resident's "not fixed" reopens a case, and whom a reopened case
/// summons again. Pure rules over the stored case.
/// </summary>
public static class ResidentsLoop
{
    /// <summary>Reason code of a reopening the resident asked for ("not fixed", <c>POST /cases/{id}/reopen</c>).</summary>
    public const string NotFixedReason = "notFixed";

    /// <summary>Reason code of a reopening by an unsatisfied follow-up visit.</summary>
    public const string UnsatisfiedReason = "unsatisfied";

    /// <summary>A follow-up with this satisfaction or lower reopens the case.</summary>
    public const int ReopenAtOrBelow = 2;

    /// <summary>True when a follow-up with <paramref name="satisfaction"/> (1..5) reopens the case.</summary>
    public static bool FollowUpReopens(int satisfaction) => satisfaction <= ReopenAtOrBelow;

    /// <summary>
    /// What a follow-up with <paramref name="satisfaction"/> and <paramref name="note"/> is for <paramref name="record"/>:
    /// a retry of the follow-up already recorded for the current resolution (same satisfaction and note), a conflict with
    /// it (another one), or a new follow-up (none recorded for this resolution: a reopened and re-resolved case is
    /// followed up anew).
    /// </summary>
    public static FollowUpKind Classify(CaseRecord record, int satisfaction, string? note)
    {
        if (!record.FollowedUpThisResolution) return FollowUpKind.New;
        return record.Satisfaction == satisfaction && record.FollowUpNote == note ? FollowUpKind.Retry : FollowUpKind.Conflict;
    }

    /// <summary>
    /// The departments a reopened case summons again: those that fed back "done" on it (the ones that resolved it), in
    /// the order they were first summoned, each once.
    /// </summary>
    public static IReadOnlyList<string> DepartmentsToSummonAgain(IEnumerable<SummonsRecord> summonses) =>
        summonses.Where(s => s.State == SummonsState.FedBack).Select(s => s.DepartmentId).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>What a follow-up is against the one already recorded (see <see cref="ResidentsLoop.Classify"/>).</summary>
public enum FollowUpKind
{
    /// <summary>No follow-up is recorded for the current resolution: record it.</summary>
    New,

    /// <summary>The same follow-up again: 200 unchanged.</summary>
    Retry,

    /// <summary>Another follow-up for a resolution already followed up: 409.</summary>
    Conflict,
}
