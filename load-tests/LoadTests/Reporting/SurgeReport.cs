using Dispatch.LoadTests.Analysis;

namespace Dispatch.LoadTests.Reporting;

/// <summary>The whole report, as written to surge-report.json and rendered to HTML and the console.</summary>
public sealed record SurgeReport
{
    public required RunInfo Run { get; init; }
    public required bool Passed { get; init; }
    public required SurgeCounts Counts { get; init; }

    /// <summary>Whistles offered per second over the send window, and accepted per second.</summary>
    public required double OfferedPerSecond { get; init; }
    public required double AcceptedPerSecond { get; init; }

    /// <summary>Every API request the simulator made (cases, whistles, acks, arrivals) per second of the send window.</summary>
    public required double ApiRequestsPerSecond { get; init; }

    public required IReadOnlyDictionary<string, LatencySummary> Latencies { get; init; }
    public required LatencySummary EscalationLateness { get; init; }
    public required LatencySummary OutageEscalationLateness { get; init; }

    public required IReadOnlyList<HistogramBucket> LatenessHistogram { get; init; }

    public required SummonsSpread SummonsesPerWhistle { get; init; }
    public required ResourceSummary Resources { get; init; }
    public required BaselineResults Baselines { get; init; }
    public required IReadOnlyList<OutageCheck> Outages { get; init; }
    public required IReadOnlyList<TargetCheck> Targets { get; init; }
    public required IReadOnlyList<SecondBucket> PerSecond { get; init; }

    /// <summary>At most <see cref="SurgeReportBuilder.MaxListed"/> of each.</summary>
    public required IReadOnlyList<LostWhistle> Lost { get; init; }
    public required IReadOnlyList<DuplicateFinding> Duplicates { get; init; }
    public required IReadOnlyList<MissedDeadline> MissedDeadlines { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The store's grain_state after the run, per grain type (empty when the store could not be read).</summary>
    public IReadOnlyList<StoredGrainType> Store { get; init; } = [];
}
