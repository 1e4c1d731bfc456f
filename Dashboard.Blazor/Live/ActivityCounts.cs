namespace Dispatch.Dashboard.Live;

/// <summary>
/// Live activity of one scope over some hours: whistles blown, summonses issued (escalations included),
/// acknowledgements (and how many in time), acknowledgement deadlines missed, escalations of any kind.
/// </summary>
public sealed record ActivityCounts(int Whistles, int Summoned, int Acks, int AcksOnTime, int AckMisses, int Escalations)
{
    public static ActivityCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Acknowledged in time over all acknowledgements due that were made or missed; null when there were none.</summary>
    public double? OnTimeAckRate => Acks + AckMisses == 0 ? null : (double)AcksOnTime / (Acks + AckMisses);

    public bool IsEmpty => this == Zero;

    public static ActivityCounts operator +(ActivityCounts a, ActivityCounts b) => new(
        a.Whistles + b.Whistles, a.Summoned + b.Summoned, a.Acks + b.Acks, a.AcksOnTime + b.AcksOnTime,
        a.AckMisses + b.AckMisses, a.Escalations + b.Escalations);
}
