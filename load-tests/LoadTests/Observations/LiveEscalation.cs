using NodaTime;

namespace Dispatch.LoadTests.Observations;

/// <summary>An <c>escalation</c> event received on the live channel, with its receive time (ms since the run started).</summary>
public sealed record LiveEscalation(
    string CaseId,
    string Kind,
    string? SummonsId,
    string? NewSummonsId,
    string? ToDepartmentId,
    int EscalationLevel,
    Instant? DueAt,
    Instant At,
    double ReceivedMs)
{
    /// <summary>How late the engine fired: <see cref="At"/> − <see cref="DueAt"/>.</summary>
    public Duration? Lateness => DueAt is { } due ? At - due : null;
}
