namespace Dispatch.LoadTests.Observations;

/// <summary>
/// One scheduled whistle: the case report and the whistle, with times in milliseconds since the run started (the
/// send times are those of the attempt that got an answer; <see cref="Retries"/> counts the attempts before it).
/// </summary>
public sealed record WhistleObservation(
    int Index,
    string GridId,
    string TownshipId,
    string Category,
    string Risk,
    double ScheduledMs,
    string? CaseId,
    double? CaseSentMs,
    double? CaseDoneMs,
    double? WhistleSentMs,
    double? WhistleDoneMs,
    int Retries,
    string? Error,
    IReadOnlyList<IssuedSummons> Summonses)
{
    /// <summary>The whistle was answered with success: the engine says it stored the summonses.</summary>
    public bool Accepted => Error is null && CaseId is not null && WhistleDoneMs is not null;
}
