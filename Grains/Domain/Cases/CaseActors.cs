using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Grains.Domain.Cases;

/// <summary>What an action on a case is: handling it, or overseeing it.</summary>
public enum CaseDuty
{
    /// <summary>Triage, whistle, resolve, close, follow up: the work of the center holding the case.</summary>
    Handle,

    /// <summary>Escalate, supervise, take: the county duty leader's oversight.</summary>
    Oversee,

    /// <summary>
    /// Add a note (or an attachment): whoever handles the case now, the county duty leader, and the grid worker who
    /// reported it.
    /// </summary>
    Annotate,
}

/// <summary>
/// Who may act on a case. Handling belongs to the center that holds the case now: the township's commissioner while
/// the township holds it; once the case moved up to a county or city center, the duty leader of the case's county
/// (the commissioner still reads it, but no longer acts). Oversight is always the county duty leader's. Notes come from
/// the township's commissioner, the county duty leader, or the grid worker who reported the case (its only action). Admin and the
/// engine may do everything. Refusals name no scope the actor cannot already see.
/// </summary>
public static class CaseActors
{
    /// <summary>Null when <paramref name="actor"/> may do <paramref name="duty"/> to the case; otherwise why not.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="duty">What kind of action.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="townshipId">The township the case belongs to.</param>
    /// <param name="holderId">The center holding the case now (the township, or a center above it).</param>
    /// <param name="countyId">The county of the township; null when the township has none.</param>
    /// <param name="reportedBy">Who reported the case (null for cases stored before this was recorded).</param>
    public static string? Check(Actor actor, CaseDuty duty, string caseId, string townshipId, string holderId, string? countyId,
        Actor? reportedBy = null)
    {
        if (actor.Role is Actor.Admin or Actor.System) return null;
        if (actor.Role == Actor.GridWorker)
            return duty == CaseDuty.Annotate && actor.IsSamePrincipal(reportedBy) ? null : NotYours(actor, caseId);
        var heldAbove = holderId != townshipId;
        var commissioner = actor.Role == Actor.Commissioner && actor.Scope == townshipId;
        var dutyLeader = actor.Role == Actor.DutyLeader && countyId is not null && actor.Scope == countyId;
        if (duty == CaseDuty.Oversee)
            return dutyLeader ? null : NotYours(actor, caseId);
        if (duty == CaseDuty.Annotate)
            return commissioner || dutyLeader ? null : NotYours(actor, caseId);
        if (commissioner)
            return heldAbove
                ? $"Case {caseId} has moved up to {holderId}; the county duty leader handles it now, and the township reads it."
                : null;
        if (dutyLeader)
            return heldAbove
                ? null
                : $"Case {caseId} is held by its township; the commissioner handles it, the duty leader escalates, supervises or takes it.";
        return NotYours(actor, caseId);
    }

    private static string NotYours(Actor actor, string caseId) => $"{actor} may not act on case {caseId}.";
}
