using System.Text.Json;
using Dispatch.Grains.Domain.Cases;
using Dispatch.Grains.Domain.Escalation;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Domain.StateMachines;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Engine;
using Dispatch.Grains.Interfaces.Stats;
using Dispatch.Grains.ReadModels;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Faults;
using Dispatch.Grains.Interfaces.Model;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans;
using Orleans.Runtime;

namespace Dispatch.Grains.Cases;

public sealed partial class CaseGrain
{
    private async Task<CommandResult<CaseView>> ResolveAsync(CaseCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Text)) return CommandResult<CaseView>.Invalid("outcome", Fault.Of("missing", ("what", "An outcome")));
        var transition = CaseStateMachine.Apply(Case.State, CaseAction.Resolve, Case.Tier);
        if (transition.IsAlreadyThere) return CommandResult<CaseView>.Unchanged(ToView());
        if (transition.IsForbidden) return CommandResult<CaseView>.Conflict(transition.Fault);
        Case.State = transition.To;
        Case.Outcome = command.Text;
        Case.Resolutions++;
        Case.FollowUpDueAt = engine.Deadlines.FollowUpDueAt(Now);
        Case.FollowUpOverdueNoted = false;
        CancelOpenSummonses();
        AddTimeline("resolved", command.Actor, command.Text + NoteSuffix(command.Note));
        MarkCenter(Case.CenterId);
        await CommitAsync();
        EngineTelemetry.CasesResolved.Add(1);
        return CommandResult<CaseView>.Ok(ToView());
    }

    private async Task<CommandResult<CaseView>> CloseAsync(CaseCommand command)
    {
        var transition = CaseStateMachine.Apply(Case.State, CaseAction.Close, Case.Tier);
        if (transition.IsAlreadyThere || Case.State == CaseState.FollowedUp) return CommandResult<CaseView>.Unchanged(ToView());
        if (transition.IsForbidden) return CommandResult<CaseView>.Conflict(transition.Fault);
        // Followed up before it was closed: closing makes it "closed and followed up".
        Case.State = Case.FollowedUpThisResolution ? CaseState.FollowedUp : transition.To;
        CancelOpenSummonses();
        AddTimeline("closed", command.Actor, command.Text ?? command.Note);
        MarkCenter(Case.CenterId);
        await CommitAsync();
        return CommandResult<CaseView>.Ok(ToView());
    }

    /// <summary>The resident says it is not fixed: reopen a resolved, closed or followed-up case (see <see cref="Reopen"/>).</summary>
    private async Task<CommandResult<CaseView>> ReopenAsync(CaseCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Text)) return CommandResult<CaseView>.Invalid("reason", Fault.Of("missing", ("what", "A reason")));
        var reason = command.Text.Trim();
        var transition = CaseStateMachine.Apply(Case.State, CaseAction.Reopen, Case.Tier);
        if (!transition.IsAllowed)
        {
            // The same reopening again while the case is still open from it is a retry.
            return Case.IsOpen && Case.Reopens > 0 && Case.ReopenReason == reason
                ? CommandResult<CaseView>.Unchanged(ToView())
                : CommandResult<CaseView>.Conflict(Fault.Of("notReopenable", ("case", Case.Id), ("state", Case.State)));
        }
        var summoned = Reopen(command.Actor, reason, ResidentsLoop.NotFixedReason, Now);
        MarkCenter(Case.CenterId);
        await CommitAsync();
        PublishIssued(summoned);
        return CommandResult<CaseView>.Ok(ToView());
    }

    /// <summary>
    /// Reopens the case in memory: it stays with the center that closed it (nothing moves a resolved case), gets a fresh
    /// tier deadline, and the departments that resolved it (fed back done) are summoned again with fresh deadlines from
    /// the risk colour; with none to summon it waits triaged. The pending follow-up is dropped: the next resolution
    /// brings its own.
    /// </summary>
    /// <param name="actor">Who reopens.</param>
    /// <param name="typed">What the person typed (the reason, or the follow-up's note), if anything.</param>
    /// <param name="reasonCode">Why, as data: <see cref="ResidentsLoop.NotFixedReason"/> or <see cref="ResidentsLoop.UnsatisfiedReason"/>.</param>
    /// <param name="now">The moment.</param>
    private List<SummonsRecord> Reopen(Actor actor, string? typed, string reasonCode, Instant now)
    {
        var departments = ResidentsLoop.DepartmentsToSummonAgain(Case.Summonses);
        Case.Reopens++;
        Case.ReopenReason = typed;
        Case.FollowUpDueAt = null;
        Case.FollowUpOverdueNoted = false;
        Case.State = CaseStateMachine.Apply(Case.State, CaseAction.Reopen, Case.Tier).To;
        if (Case.Tier is { } tier) Case.DueAt = engine.Deadlines.CaseDueAt(tier, now);
        var issued = departments.Select(d => Issue(d, 0, now, null, null)).ToList();
        if (issued.Count > 0) Case.State = CaseStateMachine.Apply(Case.State, CaseAction.Whistle, Case.Tier).To;
        AddTimeline("reopened", actor, typed, e => e with
        {
            Reason = reasonCode,
            Satisfaction = reasonCode == ResidentsLoop.UnsatisfiedReason ? Case.Satisfaction : null,
            DepartmentIds = issued.Select(s => s.DepartmentId).ToList(),
            SummonsIds = issued.Select(s => s.Id).ToList(),
            CenterIds = [Case.CenterId],
        });
        return issued;
    }

    private void PublishIssued(IEnumerable<SummonsRecord> issued)
    {
        foreach (var s in issued) Publish(new SummonsChanged(s.ToView(Case.Id), Scopes()));
    }

    /// <summary>A note on the timeline (entry "note", the typed text), in any state.</summary>
    private async Task<CommandResult<CaseView>> NoteAsync(CaseCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Text)) return CommandResult<CaseView>.Invalid("text", Fault.Of("missing", ("what", "A text")));
        AddTimeline("note", command.Actor, command.Text);
        MarkCenter(Case.CenterId);
        await CommitAsync();
        return CommandResult<CaseView>.Ok(ToView());
    }

    public async Task<CommandResult<CaseView>> Attach(AttachCase command)
    {
        if (Check(command.Actor, CaseDuty.Annotate) is { } denied) return denied;
        var by = command.Actor.ToString();
        if (Case.Attachments.Any(a => a.Sha256 == command.Sha256 && a.Actor == by)) return CommandResult<CaseView>.Unchanged(ToView());
        var attachment = new AttachmentView(Case.Attachments.Count + 1, command.ContentType, command.Size, command.Sha256, Now, by,
            command.Actor.Name, command.LocationKept, command.FileName);
        Case.Attachments.Add(attachment);
        AddTimeline("attached", command.Actor, null, e => e with { Attachment = attachment.N });
        MarkCenter(Case.CenterId);
        await CommitAsync();
        return CommandResult<CaseView>.Ok(ToView());
    }

    public async Task<CommandResult<CaseView>> Link(LinkCase command)
    {
        if (command.Actor.Role == Actor.GridWorker) return CommandResult<CaseView>.Forbidden($"{command.Actor} may not link cases.");
        if (Check(command.Actor, CaseDuty.Annotate) is { } denied) return denied;
        if (command.Other.CaseId == Case.Id) return CommandResult<CaseView>.Invalid("caseId", Fault.Of("selfLink"));
        if (Case.LinkedCases.Any(l => l.CaseId == command.Other.CaseId)) return CommandResult<CaseView>.Unchanged(ToView());
        Case.LinkedCases.Add(command.Other);
        AddTimeline("linked", command.Actor, null, e => e with { LinkedCase = command.Other.CaseId });
        MarkCenter(Case.CenterId);
        await CommitAsync();
        return CommandResult<CaseView>.Ok(ToView());
    }

    private async Task<CommandResult<CaseView>> EscalateManuallyAsync(CaseCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Text)) return CommandResult<CaseView>.Invalid("reason", Fault.Of("missing", ("what", "A reason")));
        if (!Case.IsOpen) return CommandResult<CaseView>.Conflict(Fault.Of("escalateNotOpen", ("case", Case.Id), ("state", Case.State)));
        if (Case.TierLadderExhausted || engine.City.Parent(Case.CenterId) is null)
        {
            return CommandResult<CaseView>.Conflict(Fault.Of("topOfLadder", ("case", Case.Id), ("center", Case.CenterId)));
        }
        var now = Now;
        var escalation = MoveUp(now, "manual", command.Text, command.Actor);
        await CommitAsync();
        EngineTelemetry.Escalations.Add(1, new KeyValuePair<string, object?>("kind", "manual"));
        Publish(new EscalationRaised(escalation, Scopes()));
        return CommandResult<CaseView>.Ok(ToView());
    }

    private async Task<CommandResult<CaseView>> SuperviseAsync(CaseCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Text)) return CommandResult<CaseView>.Invalid("note", Fault.Of("missing", ("what", "A note")));
        if (!Case.IsOpen) return CommandResult<CaseView>.Conflict(Fault.Of("superviseNotOpen", ("case", Case.Id), ("state", Case.State)));
        AddTimeline("supervised", command.Actor, command.Text);
        MarkCenter(Case.CenterId);
        await CommitAsync();
        return CommandResult<CaseView>.Ok(ToView());
    }

    private async Task<CommandResult<CaseView>> TakeAsync(CaseCommand command)
    {
        if (!Case.IsOpen) return CommandResult<CaseView>.Conflict(Fault.Of("takeNotOpen", ("case", Case.Id), ("state", Case.State)));
        if (Case.Leader is { } leader)
        {
            // A case is taken once: the same leader again changes nothing; anyone else learns who has it.
            return leader.Name == command.Actor.Name
                ? CommandResult<CaseView>.Unchanged(ToView())
                : CommandResult<CaseView>.Conflict(Fault.Of("takenOnce", ("case", Case.Id), ("leader", leader.Name), ("at", leader.TakenAt)));
        }
        var now = Now;
        var typed = command.Text ?? command.Note;
        Case.Leader = new LeaderView(command.Actor.Role, command.Actor.Name, now, typed ?? "taken by the duty leader", typed is null ? "taken" : null);
        AddTimeline("leaderTookCase", command.Actor, command.Text ?? command.Note);
        MarkDutyDesk();
        MarkCenter(Case.CenterId);
        await CommitAsync();
        return CommandResult<CaseView>.Ok(ToView());
    }

    private SummonsRecord Issue(string departmentId, int level, Instant now, Duration? ackWithin, Duration? arriveWithin)
    {
        var risk = Case.Risk ?? RiskColour.Blue;
        var (ackDue, arriveDue) = engine.Deadlines.SummonsDeadlines(risk, now, ackWithin, arriveWithin);
        var summons = new SummonsRecord
        {
            Id = SummonsId.Create(Case.Id, Case.NextSummons++),
            DepartmentId = departmentId,
            State = SummonsState.Issued,
            Risk = risk,
            IssuedAt = now,
            AckDueAt = ackDue,
            ArriveDueAt = arriveDue,
            EscalationLevel = level,
            AckWithin = ackWithin,
            ArriveWithin = arriveWithin,
            Version = 1,
        };
        Case.Summonses.Add(summons);
        MarkDepartment(summons);
        return summons;
    }

    /// <summary>
    /// A summons missed its deadline: it becomes escalated and the counterpart department one level up is summoned
    /// with the next escalation level; past the top of the ladder the county duty leader on the rota takes the case.
    /// </summary>
    private EscalationView EscalateSummons(SummonsRecord summons, Instant due, Instant now)
    {
        var kind = summons.State == SummonsState.Issued ? "ack" : "arrive";
        var missed = kind == "ack" ? "acknowledged" : "arrived";
        summons.State = SummonsState.Escalated;
        summons.Version++;
        MarkDepartment(summons);
        Case.Escalations++;
        var parent = engine.City.ParentDepartment(summons.DepartmentId);
        if (parent is not null)
        {
            // One open summons per department per case: a ladder that reaches a department already summoned joins it.
            var joined = Case.Summonses.FirstOrDefault(s => s.DepartmentId == parent.Id && s.IsOpen);
            var next = joined ?? Issue(parent.Id, summons.EscalationLevel + 1, now, summons.AckWithin, summons.ArriveWithin);
            summons.EscalatedTo = next.Id;
            var center = engine.City.GetCenter(parent.CenterId);
            var reason = $"{summons.DepartmentId} had not {missed} {summons.Id} by {due}";
            AddTimeline("escalated", Interfaces.Cases.Actor.Engine, null, e => e with
            {
                Reason = kind, Step = joined is null ? TimelineEntry.Summoned : TimelineEntry.Joined, DueAt = due,
                DepartmentIds = [summons.DepartmentId, parent.Id], SummonsIds = [summons.Id, next.Id],
            });
            return new EscalationView(Case.Id, kind, summons.Id, summons.DepartmentId, parent.Id, next.Id, next.EscalationLevel,
                Case.CenterId, center.Id, center.Level, Case.Leader?.Name, due, now, reason);
        }
        var why = $"{summons.DepartmentId}, the top of the ladder, had not {missed} {summons.Id} by {due}";
        var county = engine.City.CountyOf(Case.TownshipId) ?? engine.City.GetCenter(Case.CenterId);
        if (Case.Leader is { } leader)
        {
            // A case is taken once: a later miss at the top is an escalation on record, not another take.
            AddTimeline("escalated", Interfaces.Cases.Actor.Engine, null, e => e with
            {
                Reason = kind, Step = TimelineEntry.WithLeader, DueAt = due, DepartmentIds = [summons.DepartmentId],
                SummonsIds = [summons.Id], LeaderRole = leader.Role, LeaderName = leader.Name,
            });
            return new EscalationView(Case.Id, kind, summons.Id, summons.DepartmentId, null, null, summons.EscalationLevel + 1,
                Case.CenterId, county.Id, county.Level, leader.Name, due, now, why);
        }
        AddTimeline("escalated", Interfaces.Cases.Actor.Engine, null, e => e with
        {
            Reason = kind, Step = TimelineEntry.LeaderTakes, DueAt = due, DepartmentIds = [summons.DepartmentId], SummonsIds = [summons.Id],
        });
        LeaderTakes(now, why, kind);
        return new EscalationView(Case.Id, "leader", summons.Id, summons.DepartmentId, null, null, summons.EscalationLevel + 1,
            Case.CenterId, county.Id, county.Level, Case.Leader?.Name, due, now, why);
    }

    /// <summary>Moves the case to its center's parent; at the city, the ladder ends and a duty leader takes it.</summary>
    private EscalationView MoveUp(Instant now, string kind, string reason, Actor actor)
    {
        var from = Case.CenterId;
        var dueBefore = Case.DueAt;
        // A manual escalation's reason is what the leader typed; the engine's own reasons are data (kind, deadline).
        var typed = kind == "manual" ? reason : null;
        Case.Escalations++;
        var parent = engine.City.Parent(from);
        if (parent is null)
        {
            Case.TierLadderExhausted = true;
            var here = engine.City.GetCenter(from);
            if (Case.Leader is { } leader)
            {
                AddTimeline("escalated", actor, typed, e => e with
                {
                    Reason = kind, Step = TimelineEntry.WithLeader, DueAt = dueBefore, CenterIds = [from],
                    LeaderRole = leader.Role, LeaderName = leader.Name,
                });
                return new EscalationView(Case.Id, kind, null, null, null, null, 0, from, from, here.Level, leader.Name, dueBefore, now, reason);
            }
            AddTimeline("escalated", actor, typed, e => e with { Reason = kind, Step = TimelineEntry.LeaderTakes, DueAt = dueBefore, CenterIds = [from] });
            LeaderTakes(now, reason, kind);
            return new EscalationView(Case.Id, "leader", null, null, null, null, 0, from, from, here.Level, Case.Leader?.Name, dueBefore, now, reason);
        }
        Case.CenterId = parent.Id;
        Case.Level = parent.Level;
        if (Case.Tier is { } tier && kind == "tier") Case.DueAt = engine.Deadlines.CaseDueAt(tier, now);
        AddTimeline("escalated", actor, typed, e => e with { Reason = kind, Step = TimelineEntry.MovedUp, DueAt = dueBefore, CenterIds = [from, parent.Id] });
        MarkCenter(from);
        MarkCenter(parent.Id);
        return new EscalationView(Case.Id, kind, null, null, null, null, 0, from, parent.Id, parent.Level, Case.Leader?.Name, dueBefore, now, reason);
    }

    private void LeaderTakes(Instant now, string reason, string reasonCode)
    {
        if (Case.Leader is not null) return;
        var county = engine.City.CountyOf(Case.TownshipId);
        if (county is null || !engine.City.TryGetRota(county.Id, out _))
        {
            AddTimeline("leaderNeeded", Interfaces.Cases.Actor.Engine, null, e => e with { Reason = reasonCode, CenterIds = [Case.TownshipId] });
            return;
        }
        var shift = engine.City.OnDutyAt(county.Id, now);
        var role = JsonNamingPolicy.CamelCase.ConvertName(shift.Role.ToString());
        Case.Leader = new LeaderView(role, shift.Name, now, reason, reasonCode);
        AddTimeline("leaderTookCase", Interfaces.Cases.Actor.Engine, null, e => e with
        {
            Reason = reasonCode, LeaderRole = role, LeaderName = shift.Name, CenterIds = [county.Id],
        });
        MarkDutyDesk();
        EngineTelemetry.LeaderTakes.Add(1);
    }

    /// <summary>The case ended: its open summonses are cancelled (their notes stay what the departments typed).</summary>
    private void CancelOpenSummonses()
    {
        foreach (var s in Case.Summonses.Where(s => s.IsOpen))
        {
            s.State = SummonsState.Cancelled;
            s.Version++;
            MarkDepartment(s);
        }
    }

    /// <summary>
    /// Persists the case. Before the write, the durable reminder moves earlier when a deadline came forward, so a crash
    /// never leaves a stored deadline without a reminder at or before it; then the state is written, the case event
    /// published and the outbox delivered; a reminder that had fallen due moves on to the next deadline only after the
    /// write (until then its overdue row is what the sweeper finds); last, the in-memory timer is armed.
    /// </summary>
    private async Task CommitAsync()
    {
        var now = Now;
        Case.Version++;
        MarkStats();
        PlanNotifications();
        var next = NextDeadline(now);
        var movedBefore = false;
        if (next is { } at && _reminder.MustMoveBeforeWrite(at, now))
        {
            await RegisterOrUpdateReminderAsync(DeadlineReminder, at);
            _reminder = ReminderSlot.At(at);
            Case.ReminderAt = at;
            movedBefore = true;
        }
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Storage did not take it: forget the in-memory change so this activation matches what is stored.
            await state.ReadStateAsync();
            ResetStats();
            throw;
        }
        Publish(new CaseChanged(ToSummary(), Scopes()));
        DeliverOutboxInBackground();
        if (!movedBefore) await MoveReminderAfterWriteAsync(now, next);
        ArmTimer(now);
    }

    /// <summary>The earliest pending deadline: what the durable reminder waits for.</summary>
    private Instant? NextDeadline(Instant now) => CaseDeadlines.Next(Case, now, null);

    /// <summary>
    /// The earliest deadline or, while the outbox holds undelivered copies, its next re-send: what the in-memory timer
    /// waits for. (After a crash, the silo's start re-drives the outboxes of the cases written shortly before it.)
    /// </summary>
    private Instant? NextWakeUp(Instant now) => CaseDeadlines.Next(Case, now, Duration.FromTimeSpan(engine.Options.OutboxRetry));

    /// <summary>A reminder tick (or the sweeper) says the case's reminder row exists and is due.</summary>
    private void ReminderFellDue()
    {
        if (!_reminder.Known || _reminder.DueAt is null || _reminder.DueAt > Now) _reminder = ReminderSlot.At(Now);
    }

    /// <summary>A reminder that has fallen due moves to <paramref name="next"/>, or is removed when nothing is pending.</summary>
    private async Task MoveReminderAfterWriteAsync(Instant now, Instant? next)
    {
        if (!_reminder.Known || _reminder.DueAt is not { } registered || registered > now) return;
        if (next is { } at)
        {
            await RegisterOrUpdateReminderAsync(DeadlineReminder, at);
            _reminder = ReminderSlot.At(at);
        }
        else
        {
            await UnregisterReminderAsync(DeadlineReminder);
            _reminder = ReminderSlot.None;
        }
    }

    /// <summary>
    /// The in-memory timer that acts on the next deadline on time while the case is active (a reminder is the durable
    /// back-up: it wakes an idle case, and after a restart the sweeper finds what fell due).
    /// </summary>
    private void ArmTimer(Instant now)
    {
        var next = NextWakeUp(now);
        if (next is not { } at)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var due = at <= now ? TimeSpan.Zero : (at - now).ToTimeSpan();
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(_ => ActOnDueDeadlinesAsync(), due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private IGrainTimer? _timer;
    private ReminderSlot _reminder = ReminderSlot.Unknown;

    /// <summary>What this activation knows of the case's durable reminder row.</summary>
    private readonly record struct ReminderSlot(bool Known, Instant? DueAt)
    {
        /// <summary>Not known yet (a fresh activation): the first commit with a deadline registers before writing.</summary>
        public static ReminderSlot Unknown => new(false, null);

        public static ReminderSlot None => new(true, null);

        public static ReminderSlot At(Instant at) => new(true, at);

        /// <summary>
        /// True when the row must move before the state is written: its state is unknown, there is none, or it waits
        /// for a later instant than <paramref name="next"/> (a row already due is found by the sweeper, so it moves after).
        /// </summary>
        public bool MustMoveBeforeWrite(Instant next, Instant now)
            => !Known || DueAt is not { } due || (due > now && next < due);
    }

    private void MarkDepartment(SummonsRecord s) => Mark($"d|{s.DepartmentId}|{s.Id}");

    /// <summary>The center's case list and the case's grid both get the new summary.</summary>
    private void MarkCenter(string centerId)
    {
        Mark($"c|{centerId}");
        Mark($"g|{Case.GridId}");
    }

    /// <summary>The county duty desk logs a leader taking this case.</summary>
    private void MarkDutyDesk()
    {
        if (engine.City.CountyOf(Case.TownshipId) is { } county) Mark($"u|{county.Id}");
    }

    private readonly Dictionary<string, int> _marks = new(StringComparer.Ordinal);

    private void Mark(string marker)
    {
        if (!Case.Outbox.Contains(marker)) Case.Outbox.Add(marker);
        _marks[marker] = ++_generation;
    }

    /// <summary>
    /// Sends every undelivered copy not already on its way: the read-model rows (the case row for "c|"/"g|" markers,
    /// summons rows for "d|", statistics facts for "s|") as one batch to the read-model writer, a leader take ("u|") to
    /// the county's duty desk. A confirmed copy leaves the outbox at the next write.
    /// </summary>
    private void DeliverOutboxInBackground()
    {
        var due = new List<(string Marker, int Generation)>();
        foreach (var marker in Case.Outbox)
        {
            var generation = _marks.GetValueOrDefault(marker);
            if (_sending.TryGetValue(marker, out var sending) && sending.Generation == generation && !sending.Delivery.IsCompleted) continue;
            due.Add((marker, generation));
        }
        var views = due.Where(d => IsViewMarker(d.Marker)).ToList();
        if (views.Count > 0)
        {
            var delivery = SendViewsAsync(views);
            foreach (var (marker, generation) in views) _sending[marker] = (generation, delivery);
        }
        foreach (var (marker, generation) in due.Where(d => !IsViewMarker(d.Marker)))
        {
            _sending[marker] = (generation, SendAsync(marker, generation));
        }
    }

    /// <summary>The name of the span around a case's read-model write.</summary>
    public const string ReadModelWriteActivity = "ReadModels.Write";

    private static bool IsViewMarker(string marker) => marker.Length > 1 && marker[1] == '|' && marker[0] is 'c' or 'g' or 'd' or 's';

    public async Task<int> DeliverOutbox()
    {
        DeliverOutboxInBackground();
        await Task.WhenAll(_sending.Values.Select(s => s.Delivery).Distinct().ToList());
        return Case.Outbox.Count;
    }

    /// <summary>Writes the read-model rows the markers stand for, as they are now, in one batch (built before the first await).</summary>
    private async Task SendViewsAsync(IReadOnlyList<(string Marker, int Generation)> markers)
    {
        try
        {
            CaseRow? row = null;
            var summonses = new List<SummonsView>();
            var facts = new List<StatsFactRow>();
            if (_statsVersion != Case.Version) ResetStats();
            foreach (var (marker, _) in markers)
            {
                switch (marker[0])
                {
                    case 'c' or 'g':
                        row ??= new CaseRow(ToSummary(), engine.City.CountyOf(Case.TownshipId)?.Id ?? Case.TownshipId);
                        break;
                    case 'd':
                        var id = marker[(marker.LastIndexOf('|') + 1)..];
                        if (Case.Summonses.FirstOrDefault(s => s.Id == id) is { } summons) summonses.Add(summons.ToView(Case.Id));
                        break;
                    default:
                        if (StatsDayKey.TryParse(marker, out var key))
                            facts.Add(new StatsFactRow(key.Value, Case.Id, Case.Version, _stats.GetValueOrDefault(key.Value) ?? StatsTotals.Empty));
                        break;
                }
            }
            // A child of the command's span: the trace of a whistle reaches the rows a department's inbox reads.
            using (var activity = EngineTelemetry.Source.StartActivity(ReadModelWriteActivity))
            {
                activity?.SetTag("dispatch.case", Case.Id);
                activity?.SetTag("dispatch.summonses", summonses.Count);
                await writer.WriteAsync(new ReadModelBatch(row, summonses, facts));
            }
            foreach (var (marker, generation) in markers)
            {
                if (_marks.GetValueOrDefault(marker) != generation) continue;
                Case.Outbox.Remove(marker);
                _marks.Remove(marker);
            }
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Writing the read-model rows of case {Case} failed; they are re-sent", Case.Id);
        }
        finally
        {
            foreach (var (marker, generation) in markers)
            {
                if (_sending.TryGetValue(marker, out var current) && current.Generation == generation) _sending.Remove(marker);
            }
        }
    }

    private async Task SendAsync(string marker, int generation)
    {
        try
        {
            var parts = marker.Split('|');
            if (parts[0] == NotificationMarker) await EnqueueNotificationsAsync();
            if (parts[0] == "u" && Case.Leader is { } leader)
            {
                await GrainFactory.GetGrain<IDutyGrain>(parts[1]).RecordTake(
                    new LeaderTake(Case.Id, Case.TownshipId, leader.Role, leader.Name, leader.TakenAt, leader.Reason));
            }
            if (_marks.GetValueOrDefault(marker) == generation)
            {
                Case.Outbox.Remove(marker);
                _marks.Remove(marker);
            }
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Delivery of {Marker} from case {Case} failed; it is retried", marker, Case.Id);
        }
        finally
        {
            if (_sending.TryGetValue(marker, out var current) && current.Generation == generation) _sending.Remove(marker);
        }
    }

    /// <summary>
    /// Who may act: see <see cref="CaseActors"/>.
    /// </summary>
    private CommandResult<CaseView>? Check(Actor actor, CaseDuty role)
    {
        if (!Case.Exists) return CommandResult<CaseView>.NotFound(Fault.Of("caseMissing", ("case", GrainKey)));
        var county = engine.City.CountyOf(Case.TownshipId)?.Id;
        return CaseActors.Check(actor, role, Case.Id, Case.TownshipId, Case.CenterId, county, Case.ReportedBy) is { } refusal
            ? CommandResult<CaseView>.Forbidden(refusal)
            : null;
    }

    /// <summary>Records a step as data (<paramref name="facts"/> adds departments, summonses, reasons…); <paramref name="note"/> only for typed text.</summary>
    private void AddTimeline(string kind, Actor actor, string? note, Func<TimelineEntry, TimelineEntry>? facts = null)
    {
        var entry = TimelineEntry.By(Now, kind, actor, note);
        Case.Timeline.Add(facts is null ? entry : facts(entry));
    }

    private static string NoteSuffix(string? note) => string.IsNullOrWhiteSpace(note) ? "" : $" — {note}";

    /// <summary>An entry about one summons: its id and its department.</summary>
    private static TimelineEntry About(TimelineEntry entry, SummonsRecord summons) =>
        entry with { SummonsIds = [summons.Id], DepartmentIds = [summons.DepartmentId] };

    /// <summary>Where live events of this case go: the case, its township's centers up to the city, its departments.</summary>
    private IReadOnlyList<string> Scopes()
    {
        var scopes = new List<string> { Case.Id };
        scopes.AddRange(engine.City.AncestorsAndSelf(Case.TownshipId).Select(c => c.Id));
        foreach (var s in Case.Summonses)
        {
            if (!scopes.Contains(s.DepartmentId)) scopes.Add(s.DepartmentId);
        }
        return scopes;
    }

    private CaseSummary ToSummary() => new(Case.Id, Case.GridId, Case.TownshipId, Case.CenterId, Case.Level, Case.Category, Case.Tier,
        Case.Risk, Case.State, Case.Summary, Case.CreatedAt, Case.DueAt, Case.Summonses.Count(s => s.IsOpen), Case.Escalations,
        Case.Leader?.Name, Case.Version) { FollowUpDueAt = Case.FollowUpDueAt };

    private CaseView ToView() => new(Case.Id, Case.GridId, Case.TownshipId, Case.CenterId, Case.Level, Case.Category, Case.Tier, Case.Risk,
        Case.State, Case.Source, Case.Summary, Case.Reporter, Case.CreatedAt, Case.DueAt, Case.TriageDueAt, Case.Leader, Case.Outcome,
        Case.Satisfaction, Case.Summonses.Select(s => s.ToView(Case.Id)).ToList(), Case.Timeline.ToList(), Case.Version)
    {
        FollowUpDueAt = Case.FollowUpDueAt,
        Reopens = Case.Reopens,
        ReportedBy = Case.ReportedBy,
        Attachments = Case.Attachments.ToList(),
        LinkedCases = Case.LinkedCases.ToList(),
        RepeatOf = RepeatCases.RepeatOf(Case.Id, Case.CreatedAt, Case.LinkedCases),
    };
}
