using NodaTime;

namespace Dispatch.LoadTests.Analysis;

/// <summary>
/// Deadlines that fell due while the silo was down (between <see cref="KilledAt"/> and <see cref="ReadyAt"/>):
/// how many, how many fired after the restart (or the failover), how many were answered after it before they fired
/// (only departments that do answer), and the ones that did neither; with <see cref="Failover"/>, the silo was one of
/// several and <see cref="ReadyAt"/> is when its cases answered again through the others. <see cref="FailedRequests"/>:
/// the load tester's requests (whistles and bot answers, each attempt) that failed from the kill to a second after
/// <see cref="ReadyAt"/>.
/// </summary>
public sealed record OutageCheck(
    Instant KilledAt,
    Instant? ReadyAt,
    int DueWhileDown,
    int FiredAfterRestart,
    int AnsweredBeforeFiring,
    IReadOnlyList<string> NotFired,
    bool Failover = false,
    int FailedRequests = 0)
{
    /// <summary>Seconds from the kill to <see cref="ReadyAt"/>.</summary>
    public double? DownSeconds => ReadyAt is { } ready ? (ready - KilledAt).TotalSeconds : null;
}
