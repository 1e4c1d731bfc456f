using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Stats;

/// <summary>
/// The statistics of one scope for one period (GET /api/v1/stats). A period runs from 00:00 Asia/Shanghai of
/// <see cref="From"/> to 00:00 of the day after <see cref="To"/> (both dates inclusive); an event counts for the
/// period when the moment named below falls in it.
/// </summary>
/// <remarks>
/// <para><b>Which cases count for a scope.</b> A township: the cases reported in it (the township of the case's
/// grid), wherever they are handled now after an escalation. A county or the city: the cases of its townships
/// (so a county's numbers are the sums of its townships', and the city's of its counties'). A department: the
/// summonses addressed to it for the summons measures, and the cases it was summoned to at least once (at any
/// time, whatever became of the summons: declined and escalated ones included) for the case measures. A summons measure of a township, county or city counts every summons of its
/// cases, whichever department it went to.</para>
/// <para><b>Case measures.</b> <see cref="Accepted"/> by the case's creation (受理); <see cref="Resolved"/> by
/// the moment it was resolved (办结/化解); <see cref="Closed"/> by the moment it was closed (结案);
/// <see cref="Escalations"/> by the moment of each escalation — every step the case's own escalation counter
/// counts: a summons escalated to the counterpart department one level up or, at the top, to the duty leader; the
/// case moved one center up (tier deadline or manual) or, at the city, taken by a leader; a missed triage deadline
/// is a warning, not an escalation. <see cref="FollowUps"/> by the moment of the case's latest follow-up visit
/// (回访; a repeated visit moves the case to the later period, and the case's current satisfaction counts).</para>
/// <para><b>Summons measures</b> all go by the summons's issue time (哨令下达): <see cref="Summoned"/> counts
/// summonses issued, escalation summonses to a department one level up included; <see cref="AckedOnTime"/> those
/// of them acknowledged (签收; reporting in without a separate acknowledgement acknowledges too) no later than
/// their acknowledgement deadline; the medians are over those acknowledged (arrived) so far.</para>
/// <para>Rates are 0..1 and null when their denominator is 0; medians are null when there is nothing to take the
/// median of; with an even count the median is the mean of the two middle values.</para>
/// </remarks>
/// <param name="Scope">A township, county or city center id, or a department id.</param>
/// <param name="Period">Day, week (Monday to Sunday), month or quarter.</param>
/// <param name="From">The first local date of the period.</param>
/// <param name="To">The last local date of the period (inclusive).</param>
/// <param name="Accepted">Cases created in the period (受理数).</param>
/// <param name="Resolved">Cases resolved in the period (办结数).</param>
/// <param name="Closed">Cases closed in the period (结案数).</param>
/// <param name="CompletionRate">办结率: of the cases accepted in the period, the share resolved by now (as of the
/// query, whenever the resolution happened). Null when <see cref="Accepted"/> is 0.</param>
/// <param name="Summoned">Summonses issued in the period (召集数).</param>
/// <param name="AckedOnTime">Of those, the ones acknowledged no later than their acknowledgement deadline (按时签收数).</param>
/// <param name="OnTimeAckRate"><see cref="AckedOnTime"/> / <see cref="Summoned"/> (按时签收率); summonses still
/// waiting, declined, cancelled or escalated unacknowledged count as not on time. Null when nothing was summoned.</param>
/// <param name="MedianAck">Median of acknowledgement time − issue time over the summonses issued in the period and
/// acknowledged; null when none was.</param>
/// <param name="MedianArrive">Median of arrival (报到) time − issue time over the summonses issued in the period and
/// arrived; null when none did.</param>
/// <param name="Escalations">Escalations that happened in the period (升级数).</param>
/// <param name="FollowUps">Cases whose latest follow-up visit happened in the period (回访数).</param>
/// <param name="MeanSatisfaction">Mean satisfaction (1..5) of those follow-ups; null when there were none.</param>
/// <param name="SatisfiedRate">Share of those follow-ups with satisfaction 4 or 5 (满意率); null when there were none.</param>
[GenerateSerializer, Immutable, Alias("dispatch.StatsView")]
public sealed record StatsView(
    string Scope,
    StatsPeriod Period,
    LocalDate From,
    LocalDate To,
    int Accepted,
    int Resolved,
    int Closed,
    double? CompletionRate,
    int Summoned,
    int AckedOnTime,
    double? OnTimeAckRate,
    Duration? MedianAck,
    Duration? MedianArrive,
    int Escalations,
    int FollowUps,
    double? MeanSatisfaction,
    double? SatisfiedRate)
{
    /// <summary>
    /// Reopenings in the period (重办数): a resolved, closed or followed-up case reopened because the resident said it was
    /// not fixed or was unsatisfied at the follow-up (satisfaction 2 or less), by the moment of reopening. A township
    /// counts every reopening of its cases; a department those of the cases it had resolved (fed back done).
    /// </summary>
    [Id(100)]
    public int Reopened { get; init; }

    /// <summary>
    /// Repeat cases among those accepted in the period (重复件): a case linked (POST /cases/{id}/link) to a case reported
    /// before it counts as a repeat, on the day it was accepted, for its township and the departments summoned to it.
    /// </summary>
    [Id(101)]
    public int Repeats { get; init; }

    /// <summary>The repeat rate (重复件率): <see cref="Repeats"/> / accepted; null when none were accepted.</summary>
    [Id(102)]
    public double? RepeatRate { get; init; }
}
