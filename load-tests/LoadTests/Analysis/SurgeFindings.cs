namespace Dispatch.LoadTests.Analysis;

/// <summary>The analysed run: counts, latency samples (sorted, milliseconds) and what went wrong.</summary>
public sealed record SurgeFindings
{
    public const string WhistleAccepted = "whistleAccepted";
    public const string CaseAndWhistle = "caseAndWhistle";
    public const string SummonsVisible = "summonsVisible";
    public const string AckAccepted = "ackAccepted";
    public const string AckRoundTrip = "ackRoundTrip";
    public const string ArriveAccepted = "arriveAccepted";
    public const string ScheduleLag = "scheduleLag";

    public required SurgeCounts Counts { get; init; }

    /// <summary>Sorted samples in milliseconds by series name (the constants above).</summary>
    public required IReadOnlyDictionary<string, double[]> Latencies { get; init; }

    /// <summary>Fired − due in milliseconds, sorted, for deadlines that fell due while the silo was up.</summary>
    public required double[] EscalationLateness { get; init; }

    /// <summary>The same for deadlines that fell due while the silo was down (they wait for the restart).</summary>
    public required double[] OutageEscalationLateness { get; init; }

    public required IReadOnlyList<LostWhistle> Lost { get; init; }
    public required IReadOnlyList<DuplicateFinding> Duplicates { get; init; }
    public required IReadOnlyList<MissedDeadline> MissedDeadlines { get; init; }
    public required IReadOnlyList<OutageCheck> Outages { get; init; }

    public required SummonsSpread SummonsesPerWhistle { get; init; }

    /// <summary>No loss, no duplicate, no missed deadline, and every deadline due during an outage fired.</summary>
    public bool Passed => Lost.Count == 0 && Duplicates.Count == 0 && MissedDeadlines.Count == 0 && Outages.All(o => o.NotFired.Count == 0);
}
