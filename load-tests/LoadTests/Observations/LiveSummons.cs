using NodaTime;

namespace Dispatch.LoadTests.Observations;

/// <summary>A <c>summons</c> event received on the live channel, with its receive time (ms since the run started).</summary>
public sealed record LiveSummons(
    string Id,
    string CaseId,
    string DepartmentId,
    string State,
    int EscalationLevel,
    int Version,
    Instant AckDueAt,
    Instant ArriveDueAt,
    double ReceivedMs)
{
    public const string Issued = "issued";

    /// <summary>The event announcing a new summons: issued, first version.</summary>
    public bool IsNew => State == Issued && Version == 1;
}
