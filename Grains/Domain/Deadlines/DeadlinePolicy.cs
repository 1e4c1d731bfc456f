using Dispatch.Grains.Interfaces.Faults;
using Dispatch.Grains.Domain.Calendar;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Domain.Deadlines;

/// <summary>
/// Computes case and summons deadlines ("fix the deadline", 定时限) from a city's
/// <see cref="DeadlinePolicyOptions"/> and a <see cref="WorkingCalendar"/>. Pure and thread-safe.
/// </summary>
public sealed class DeadlinePolicy
{
    /// <summary>Creates a policy.</summary>
    public DeadlinePolicy(WorkingCalendar calendar, DeadlinePolicyOptions options)
    {
        Calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The calendar working-time rules use.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>The rules.</summary>
    public DeadlinePolicyOptions Options { get; }

    /// <summary>When a case reported at <paramref name="reportedAt"/> must be triaged (default: end of the next working day).</summary>
    public Instant TriageDueAt(Instant reportedAt) => Options.Triage.DueAt(reportedAt, Calendar);

    /// <summary>When the follow-up visit of a case resolved at <paramref name="resolvedAt"/> falls due.</summary>
    public Instant FollowUpDueAt(Instant resolvedAt) => Options.FollowUp.DueAt(resolvedAt, Calendar);

    /// <summary>
    /// When a case of <paramref name="tier"/> must be resolved, counted from <paramref name="start"/>
    /// (the whistle, or the report when the case is handled without one), or null when the tier has no
    /// computed deadline (major by default: a leader takes the case).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined value.</exception>
    public Instant? CaseDueAt(CaseTier tier, Instant start) => Options.ForTier(tier)?.DueAt(start, Calendar);

    /// <summary>
    /// Null when a whistle's overrides are consistent; otherwise why not: with an override, arrival may not fall due before
    /// acknowledgement (an <paramref name="arriveWithin"/> shorter than <paramref name="ackWithin"/>, or than the colour's
    /// acknowledgement rule, or an <paramref name="ackWithin"/> longer than the colour's arrival rule). Without overrides
    /// the policy's own deadlines stand (an arrival rule shorter than the acknowledgement rule is raised to it).
    /// </summary>
    public Fault? CheckOverrides(RiskColour colour, Instant issuedAt, Duration? ackWithin, Duration? arriveWithin)
    {
        if (ackWithin is null && arriveWithin is null) return null;
        var rules = Options.ForColour(colour);
        var ackDueAt = ackWithin is { } ack ? issuedAt + ack : rules.Ack.DueAt(issuedAt, Calendar);
        var arriveDueAt = arriveWithin is { } arrive ? issuedAt + arrive : rules.Arrive.DueAt(issuedAt, Calendar);
        if (arriveDueAt >= ackDueAt) return null;
        return (ackWithin, arriveWithin) switch
        {
            ({ }, { }) => Fault.Of("arriveShorter"),
            (null, _) => Fault.Of("arriveBeforeColourAck", ("arriveAt", arriveDueAt), ("colour", colour), ("ackAt", ackDueAt)),
            _ => Fault.Of("ackAfterColourArrive", ("ackAt", ackDueAt), ("colour", colour), ("arriveAt", arriveDueAt)),
        };
    }

    /// <summary>
    /// The acknowledgement and arrival deadlines of a summons issued at <paramref name="issuedAt"/>.
    /// A per-whistle override, when given, wins over the colour's rule and runs on elapsed time from
    /// <paramref name="issuedAt"/>. The arrival deadline is never earlier than the acknowledgement
    /// deadline: if it would be, it is raised to it.
    /// </summary>
    /// <param name="colour">The case's risk colour.</param>
    /// <param name="issuedAt">When the summons was issued.</param>
    /// <param name="ackWithin">Override for acknowledgement; positive. The API requires at least <see cref="IsoDuration.Minimum"/>.</param>
    /// <param name="arriveWithin">Override for arrival; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">An override is zero or negative, or <paramref name="colour"/> is undefined.</exception>
    public (Instant AckDueAt, Instant ArriveDueAt) SummonsDeadlines(
        RiskColour colour, Instant issuedAt, Duration? ackWithin = null, Duration? arriveWithin = null)
    {
        if (ackWithin <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ackWithin), ackWithin, "The override must be positive.");
        }

        if (arriveWithin <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(arriveWithin), arriveWithin, "The override must be positive.");
        }

        var rules = Options.ForColour(colour);
        var ackDueAt = ackWithin is { } ack ? issuedAt + ack : rules.Ack.DueAt(issuedAt, Calendar);
        var arriveDueAt = arriveWithin is { } arrive ? issuedAt + arrive : rules.Arrive.DueAt(issuedAt, Calendar);
        return (ackDueAt, Instant.Max(ackDueAt, arriveDueAt));
    }
}
