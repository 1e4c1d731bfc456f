using Dispatch.Grains.Interfaces.Cases;
using Orleans;
using Orleans.Concurrency;

namespace Dispatch.Grains.Interfaces;

/// <summary>One case, keyed by case id: its lifecycle, summonses, deadlines and escalations.</summary>
[Alias("dispatch.ICaseGrain")]
public interface ICaseGrain : IDeadlineGrain
{
    /// <summary>Creates the case; Conflict when this id exists already.</summary>
    Task<CommandResult<CaseView>> Report(ReportCase command);

    /// <summary>The case, or null when it does not exist.</summary>
    [ReadOnly]
    Task<CaseView?> Get();

    Task<CommandResult<CaseView>> Triage(TriageCase command);

    /// <summary>Summons departments; succeeds only after the summonses and their deadlines are stored.</summary>
    Task<CommandResult<IReadOnlyList<SummonsView>>> Whistle(WhistleCase command);

    Task<CommandResult<CaseView>> Apply(CaseCommand command);

    Task<CommandResult<CaseView>> FollowUp(FollowUpCase command);

    Task<CommandResult<SummonsView>> ActOnSummons(SummonsCommand command);

    /// <summary>
    /// Lists an attachment whose content is stored already; the same content by the same principal again is Unchanged
    /// (a retried upload). Who may: as for a note.
    /// </summary>
    Task<CommandResult<CaseView>> Attach(AttachCase command);

    /// <summary>Links this case with another as the same problem; Unchanged when linked already. Who may: as for a note, but no grid worker.</summary>
    Task<CommandResult<CaseView>> Link(LinkCase command);

    /// <summary>
    /// Re-sends every undelivered copy in the case's outbox now and completes when the receivers have answered;
    /// returns how many copies remain undelivered (0 when all are confirmed).
    /// </summary>
    Task<int> DeliverOutbox();

}
