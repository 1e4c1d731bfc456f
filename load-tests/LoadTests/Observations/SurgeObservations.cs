using NodaTime;

namespace Dispatch.LoadTests.Observations;

/// <summary>
/// Everything the simulator saw in one run; the input of <see cref="Analysis.SurgeAnalyzer"/>. Times in milliseconds
/// are on the simulator's monotonic clock from <see cref="StartedAt"/>.
/// </summary>
public sealed record SurgeObservations
{
    public required Instant StartedAt { get; init; }

    /// <summary>When the last whistle was sent (the end of the send window).</summary>
    public double LastSendMs { get; init; }

    /// <summary>When the drain ended and the store was read back.</summary>
    public Instant VerifiedAt { get; init; }

    public IReadOnlyList<WhistleObservation> Whistles { get; init; } = [];
    public IReadOnlyList<LiveSummons> LiveSummonses { get; init; } = [];
    public IReadOnlyList<LiveEscalation> LiveEscalations { get; init; } = [];
    public IReadOnlyList<BotAction> BotActions { get; init; } = [];
    public IReadOnlyList<StoredCase> StoredCases { get; init; } = [];
    public IReadOnlyList<Outage> Outages { get; init; } = [];
    public IReadOnlyList<ResourceSample> Resources { get; init; } = [];
    public IReadOnlyList<ListenerGap> ListenerGaps { get; init; } = [];

    /// <summary>Departments that never answer.</summary>
    public IReadOnlySet<string> SilentDepartments { get; init; } = new HashSet<string>();

    /// <summary>Live events of type <c>case</c> (counted only).</summary>
    public long LiveCaseEvents { get; init; }
}
