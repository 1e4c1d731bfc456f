using Dispatch.Grains.Domain.Cases;
using Dispatch.Grains.Domain.Escalation;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Domain.StateMachines;
using Dispatch.Grains.Engine;
using Dispatch.Grains.ReadModels;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Faults;
using Dispatch.Grains.Interfaces.Model;
using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Dispatch.Grains.Cases;

/// <summary>
/// One case. Every command follows the same order so nothing accepted is lost: decide in memory, move the case's
/// one durable reminder earlier if a deadline came forward, write the state (summonses, timeline and outbox
/// together), publish live events, then deliver the outbox to department and center grains (re-sent until they
/// confirm, also after a restart).
/// </summary>
public sealed partial class CaseGrain(
    [PersistentState(CaseGrain.StateName)] IPersistentState<CaseRecord> state,
    EngineContext engine,
    IReadModelWriter writer,
    ILogger<CaseGrain> logger) : EngineGrain, ICaseGrain, IRemindable
{
    /// <summary>The name of the case's persistent state (the grain type string of its row in Orleans' state table).</summary>
    public const string StateName = "case";

    /// <summary>The name of the one durable reminder of a case with a pending deadline (its start time is that deadline).</summary>
    public const string DeadlineReminder = "deadline";
    private readonly Dictionary<string, (int Generation, Task Delivery)> _sending = new(StringComparer.Ordinal);
    private int _generation;

    private CaseRecord Case => state.State;
    private Instant Now => Clock.GetCurrentInstant();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ResetStats();
        if (Case.Exists)
        {
            if (Case.Outbox.Count > 0) DeliverOutboxInBackground();
            // Whatever fell due while the case was not active is acted on at once (the timer fires with no delay).
            ArmTimer(Now);
        }
        return Task.CompletedTask;
    }

    public Task<CaseView?> Get() => Task.FromResult(Case.Exists ? ToView() : null);

    public async Task<CommandResult<CaseView>> Report(ReportCase command)
    {
        if (Case.Exists) return CommandResult<CaseView>.Conflict(Fault.Of("caseExists", ("case", GrainKey)));
        var city = engine.City;
        if (!city.TryGetGrid(command.GridId, out var grid))
        {
            return CommandResult<CaseView>.Invalid("gridId", Fault.Of("gridMissing", ("grid", command.GridId)));
        }
        var township = city.TownshipOf(grid.Id);
        if (command.Actor.Role == Actor.Commissioner && command.Actor.Scope != township.Id)
        {
            return CommandResult<CaseView>.Forbidden($"Grid {grid.Id} is not in {command.Actor.Scope}.");
        }
        if (command.Actor.Role == Actor.GridWorker && command.Actor.Scope != grid.Id)
        {
            return CommandResult<CaseView>.Forbidden($"{command.Actor} reports in its own grid only.");
        }
        var now = Now;
        var c = Case;
        c.Id = GrainKey;
        c.GridId = grid.Id;
        c.TownshipId = township.Id;
        c.CenterId = township.Id;
        c.Level = township.Level;
        c.Category = command.Category;
        c.Tier = command.Tier;
        c.Risk = command.Risk;
        c.State = CaseState.Reported;
        c.Source = command.Source;
        c.Summary = command.Summary;
        c.Reporter = command.Reporter;
        c.ReportedBy = command.Actor;
        c.CreatedAt = now;
        c.TriageDueAt = engine.Deadlines.TriageDueAt(now);
        if (c.Tier is { } tier) c.DueAt = engine.Deadlines.CaseDueAt(tier, now);
        AddTimeline("reported", command.Actor, null, e => e with { Source = command.Source, CenterIds = [township.Id] });
        MarkCenter(c.CenterId);
        await CommitAsync();
        EngineTelemetry.CasesReported.Add(1);
        return CommandResult<CaseView>.Ok(ToView());
    }

    public async Task<CommandResult<CaseView>> Triage(TriageCase command)
    {
        if (Check(command.Actor, CaseDuty.Handle) is { } denied) return denied.As<CaseView>();
        var transition = CaseStateMachine.Apply(Case.State, CaseAction.Triage, command.Tier);
        var same = Case.Tier == command.Tier && Case.Risk == command.Risk && (command.Category is null || command.Category == Case.Category);
        if (transition.IsAlreadyThere && same) return CommandResult<CaseView>.Unchanged(ToView());
        if (transition.IsForbidden && !(transition.IsAlreadyThere && !same))
        {
            return CommandResult<CaseView>.Conflict(transition.Fault);
        }
        var now = Now;
        if (command.Category is { } category) Case.Category = category;
        Case.Tier = command.Tier;
        Case.Risk = command.Risk;
        Case.State = CaseState.Triaged;
        Case.DueAt = engine.Deadlines.CaseDueAt(command.Tier, now);
        AddTimeline("triaged", command.Actor, command.Note, e => e with { Category = Case.Category, Tier = command.Tier, Risk = command.Risk });
        MarkCenter(Case.CenterId);
        await CommitAsync();
        return CommandResult<CaseView>.Ok(ToView());
    }

    public async Task<CommandResult<IReadOnlyList<SummonsView>>> Whistle(WhistleCase command)
    {
        if (Check(command.Actor, CaseDuty.Handle) is { } denied) return denied.As<IReadOnlyList<SummonsView>>();
        // A retry of a whistle already done answers what it issued, whatever those summonses became since.
        if (command.RequestId is { } requestId && Case.Summonses.Where(s => s.WhistleId == requestId).ToList() is { Count: > 0 } earlier)
            return CommandResult<IReadOnlyList<SummonsView>>.Unchanged(earlier.Select(s => s.ToView(Case.Id)).ToList());
        var transition = CaseStateMachine.Apply(Case.State, CaseAction.Whistle, Case.Tier);
        if (transition.IsForbidden) return CommandResult<IReadOnlyList<SummonsView>>.Conflict(transition.Fault);
        var city = engine.City;
        IReadOnlyList<string> departments;
        if (command.DepartmentIds is { Count: > 0 } ids)
        {
            foreach (var id in ids)
            {
                if (!city.TryGetDepartment(id, out _))
                {
                    return CommandResult<IReadOnlyList<SummonsView>>.Invalid("departmentIds", Fault.Of("departmentMissing", ("department", id)));
                }
            }
            departments = ids.Distinct(StringComparer.Ordinal).ToList();
        }
        else
        {
            departments = city.Route(Case.Category, Case.TownshipId).Select(d => d.Id).ToList();
            if (departments.Count == 0)
            {
                return CommandResult<IReadOnlyList<SummonsView>>.Conflict(
                    Fault.Of("noRoute", ("category", Case.Category), ("township", Case.TownshipId)));
            }
        }
        // A department already summoned and still open is not summoned twice: a repeated whistle is idempotent, but one
        // that asks for other deadlines than an open summons has is refused (it would not change them).
        var open = Case.Summonses.Where(s => s.IsOpen && departments.Contains(s.DepartmentId)).ToList();
        var differing = open.Where(s => (command.AckWithin is { } ack && s.AckWithin != ack)
            || (command.ArriveWithin is { } arrive && s.ArriveWithin != arrive)).ToList();
        if (differing.Count > 0)
        {
            return CommandResult<IReadOnlyList<SummonsView>>.Conflict(Fault.Of("openSummonsDiffer",
                ("summonses", string.Join(", ", differing.Select(s => $"{s.Id} ({s.DepartmentId})"))),
                ("departments", string.Join(",", differing.Select(s => s.DepartmentId)))));
        }
        var now = Now;
        if (engine.Deadlines.CheckOverrides(Case.Risk ?? RiskColour.Blue, now, command.AckWithin, command.ArriveWithin) is { } tooEarly)
            return CommandResult<IReadOnlyList<SummonsView>>.Invalid("arriveWithin", tooEarly);
        var fresh = departments.Where(d => open.All(s => s.DepartmentId != d)).ToList();
        if (fresh.Count == 0)
            return CommandResult<IReadOnlyList<SummonsView>>.Unchanged(open.Select(s => s.ToView(Case.Id)).ToList());

        Case.Tier ??= CaseTier.General;
        Case.Risk ??= RiskColour.Blue;
        Case.DueAt ??= engine.Deadlines.CaseDueAt(Case.Tier.Value, now);
        Case.State = transition.To;
        var issued = new List<SummonsRecord>();
        foreach (var departmentId in fresh)
        {
            var summons = Issue(departmentId, 0, now, command.AckWithin, command.ArriveWithin);
            summons.WhistleId = command.RequestId;
            issued.Add(summons);
        }
        AddTimeline("whistled", command.Actor, command.Note, e => e with { DepartmentIds = fresh, SummonsIds = issued.Select(s => s.Id).ToList() });
        if (Case.Tier == CaseTier.Major && Case.Leader is null) LeaderTakes(now, "major case: a leader takes it when the whistle blows", "major");
        MarkCenter(Case.CenterId);
        await CommitAsync();
        EngineTelemetry.Whistles.Add(1);
        EngineTelemetry.SummonsesIssued.Add(issued.Count);
        foreach (var s in issued) Publish(new SummonsChanged(s.ToView(Case.Id), Scopes()));
        return CommandResult<IReadOnlyList<SummonsView>>.Ok(issued.Select(s => s.ToView(Case.Id)).ToList());
    }

    public async Task<CommandResult<CaseView>> Apply(CaseCommand command)
    {
        var role = command.Kind switch
        {
            CaseCommandKind.Resolve or CaseCommandKind.Close or CaseCommandKind.Reopen => CaseDuty.Handle,
            CaseCommandKind.Note => CaseDuty.Annotate,
            _ => CaseDuty.Oversee,
        };
        if (Check(command.Actor, role) is { } denied) return denied;
        return command.Kind switch
        {
            CaseCommandKind.Resolve => await ResolveAsync(command),
            CaseCommandKind.Close => await CloseAsync(command),
            CaseCommandKind.Escalate => await EscalateManuallyAsync(command),
            CaseCommandKind.Supervise => await SuperviseAsync(command),
            CaseCommandKind.Reopen => await ReopenAsync(command),
            CaseCommandKind.Note => await NoteAsync(command),
            _ => await TakeAsync(command),
        };
    }

    public async Task<CommandResult<CaseView>> FollowUp(FollowUpCase command)
    {
        if (Check(command.Actor, CaseDuty.Handle) is { } denied) return denied;
        if (command.Satisfaction is < 1 or > 5) return CommandResult<CaseView>.Invalid("satisfaction", Fault.Of("satisfactionRange"));
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        // A follow-up visit is recorded once per resolution: the same report again is a retry; a different one is a conflict.
        switch (ResidentsLoop.Classify(Case, command.Satisfaction, note))
        {
            case FollowUpKind.Retry:
                return CommandResult<CaseView>.Unchanged(ToView());
            case FollowUpKind.Conflict:
                return CommandResult<CaseView>.Conflict(
                    Fault.Of("followedUpOnce", ("case", Case.Id), ("satisfaction", Case.Satisfaction)));
        }
        var transition = CaseStateMachine.Apply(Case.State, CaseAction.FollowUp, Case.Tier);
        if (transition.IsForbidden) return CommandResult<CaseView>.Conflict(transition.Fault);
        Case.Satisfaction = command.Satisfaction;
        Case.FollowUpNote = note;
        Case.FollowUpOfResolution = Case.Resolutions;
        Case.FollowUpDueAt = null;
        Case.State = transition.To;
        AddTimeline("followedUp", command.Actor, command.Note, e => e with { Satisfaction = command.Satisfaction });
        var summoned = ResidentsLoop.FollowUpReopens(command.Satisfaction)
            ? Reopen(command.Actor, note, ResidentsLoop.UnsatisfiedReason, Now)
            : [];
        MarkCenter(Case.CenterId);
        await CommitAsync();
        PublishIssued(summoned);
        return CommandResult<CaseView>.Ok(ToView());
    }

    public async Task<CommandResult<SummonsView>> ActOnSummons(SummonsCommand command)
    {
        if (!Case.Exists) return CommandResult<SummonsView>.NotFound(Fault.Of("caseMissing", ("case", GrainKey)));
        var summons = Case.Summonses.FirstOrDefault(s => s.Id == command.SummonsId);
        if (summons is null) return CommandResult<SummonsView>.NotFound(Fault.Of("summonsMissing", ("summons", command.SummonsId)));
        if (command.Actor.Role != Actor.Admin
            && !(command.Actor.Role == Actor.Department && command.Actor.Scope == summons.DepartmentId))
        {
            return CommandResult<SummonsView>.Forbidden($"Summons {summons.Id} is addressed to {summons.DepartmentId}, not to {command.Actor}.");
        }
        if (command.Kind == SummonsActionKind.Feedback && !command.Done)
        {
            if (summons.State is not (SummonsState.Acknowledged or SummonsState.Arrived))
            {
                return CommandResult<SummonsView>.Conflict(Fault.Of("feedbackNeedsAck", ("summons", summons.Id), ("state", summons.State)));
            }
            summons.Note = command.Note;
            summons.Version++;
            AddTimeline("feedback", command.Actor, command.Note, e => About(e, summons));
            MarkDepartment(summons);
            await CommitAsync();
            Publish(new SummonsChanged(summons.ToView(Case.Id), Scopes()));
            return CommandResult<SummonsView>.Ok(summons.ToView(Case.Id));
        }
        var action = command.Kind switch
        {
            SummonsActionKind.Acknowledge => SummonsAction.Acknowledge,
            SummonsActionKind.Arrive => SummonsAction.Arrive,
            SummonsActionKind.Feedback => SummonsAction.FeedBack,
            _ => SummonsAction.Decline,
        };
        var transition = SummonsStateMachine.Apply(summons.State, action);
        if (transition.IsAlreadyThere) return CommandResult<SummonsView>.Unchanged(summons.ToView(Case.Id));
        if (transition.IsForbidden) return CommandResult<SummonsView>.Conflict(transition.Fault);
        var now = Now;
        summons.State = transition.To;
        switch (command.Kind)
        {
            case SummonsActionKind.Acknowledge:
                summons.AckedAt = now;
                EngineTelemetry.Acknowledgements.Add(1);
                break;
            case SummonsActionKind.Arrive:
                summons.AckedAt ??= now;
                summons.ArrivedAt = now;
                break;
            case SummonsActionKind.Feedback:
                summons.FedBackAt = now;
                summons.Note = command.Note;
                break;
            default:
                summons.Note = command.Note;
                break;
        }
        summons.Version++;
        var kind = command.Kind switch
        {
            SummonsActionKind.Acknowledge => "acknowledged",
            SummonsActionKind.Arrive => "arrived",
            SummonsActionKind.Feedback => "fedBack",
            _ => "declined",
        };
        AddTimeline(kind, command.Actor, command.Note, e => About(e, summons));
        if (Case.State == CaseState.Whistled && command.Kind != SummonsActionKind.Decline)
        {
            Case.State = CaseState.InProgress;
        }
        MarkDepartment(summons);
        MarkCenter(Case.CenterId);
        await CommitAsync();
        Publish(new SummonsChanged(summons.ToView(Case.Id), Scopes()));
        return CommandResult<SummonsView>.Ok(summons.ToView(Case.Id));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminder) return Task.CompletedTask;
        EngineTelemetry.ReminderLateness.Record((Clock.GetCurrentInstant() - Instant.FromDateTimeUtc(DateTime.SpecifyKind(status.CurrentTickTime, DateTimeKind.Utc))).TotalMilliseconds);
        ReminderFellDue();
        return ActOnDueDeadlinesAsync();
    }

    public Task CheckDeadlines()
    {
        // The sweeper calls this for a case whose reminder row is due: that row exists, and is due by now.
        ReminderFellDue();
        return ActOnDueDeadlinesAsync();
    }

    /// <summary>
    /// Level-triggered: escalates every summons whose acknowledgement or arrival deadline is due by now, moves the case
    /// up when its tier deadline passed, flags a missed triage; otherwise only re-sends the outbox and moves the reminder.
    /// </summary>
    private async Task ActOnDueDeadlinesAsync()
    {
        if (!Case.Exists)
        {
            await UnregisterReminderAsync(DeadlineReminder);
            _reminder = ReminderSlot.None;
            return;
        }
        var now = Now;
        var changed = false;
        var escalations = new List<EscalationView>();
        foreach (var summons in Case.Summonses.ToList())
        {
            if (summons.PendingDeadline is { } due && due <= now)
            {
                escalations.Add(EscalateSummons(summons, due, now));
                changed = true;
            }
        }
        if (CaseDeadlines.TierOverdue(Case, now))
        {
            escalations.Add(MoveUp(now, "tier", $"the {Case.Tier} deadline {Case.DueAt} passed unresolved", Actor.Engine));
            changed = true;
        }
        if (CaseDeadlines.TriageOverdue(Case, now))
        {
            var due = Case.TriageDueAt!.Value;
            Case.TriageDueAt = null;
            AddTimeline("triageOverdue", Actor.Engine, null, e => e with { DueAt = due, Reason = "triage", CenterIds = [Case.CenterId] });
            escalations.Add(new EscalationView(Case.Id, "triage", null, null, null, null, 0, Case.CenterId,
                engine.City.CountyOf(Case.TownshipId)?.Id ?? Case.CenterId, CenterLevel.County, null, due, now, "not triaged within one working day"));
            changed = true;
        }
        if (CaseDeadlines.FollowUpOverdue(Case, now))
        {
            Case.FollowUpOverdueNoted = true;
            AddTimeline("followUpOverdue", Actor.Engine, null, e => e with { DueAt = Case.FollowUpDueAt, Reason = "followUp", CenterIds = [Case.CenterId] });
            changed = true;
        }
        if (!changed)
        {
            // Nothing due (an early or outbox-retry firing): re-send what is undelivered and move the reminder on.
            DeliverOutboxInBackground();
            await MoveReminderAfterWriteAsync(now, NextDeadline(now));
            ArmTimer(now);
            return;
        }
        MarkCenter(Case.CenterId);
        await CommitAsync();
        foreach (var e in escalations)
        {
            EngineTelemetry.Escalations.Add(1, new KeyValuePair<string, object?>("kind", e.Kind));
            if (e.DueAt is { } due) EngineTelemetry.EscalationLateness.Record((now - due).TotalMilliseconds);
            Publish(new EscalationRaised(e, Scopes()));
        }
        foreach (var s in Case.Summonses.Where(s => escalations.Any(e => e.SummonsId == s.Id || e.NewSummonsId == s.Id)))
        {
            Publish(new SummonsChanged(s.ToView(Case.Id), Scopes()));
        }
    }
}
