using NodaTime;

namespace Dispatch.LoadTests.Analysis;

/// <summary>
/// Deadlines that fell due while the silo was down (between <see cref="KilledAt"/> and <see cref="ReadyAt"/>):
/// how many, how many fired after the restart, how many were answered after the restart before they fired (only
/// departments that do answer), and the ones that did neither.
/// </summary>
public sealed record OutageCheck(
    Instant KilledAt,
    Instant? ReadyAt,
    int DueWhileDown,
    int FiredAfterRestart,
    int AnsweredBeforeFiring,
    IReadOnlyList<string> NotFired);
