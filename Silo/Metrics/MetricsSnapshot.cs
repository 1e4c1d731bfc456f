using NodaTime;

namespace Dispatch.Silo.Metrics;

/// <summary>
/// GET /api/v1/metrics: the engine's live figures (open cases and summonses, overdue, from the center lists), totals
/// since the silo started, runtime state, latency summaries in milliseconds, and memory.
/// </summary>
public sealed record MetricsSnapshot(
    Instant At,
    int OpenCases,
    int OpenSummonses,
    int Overdue,
    long CasesReported,
    long Whistles,
    long SummonsesIssued,
    long Acknowledgements,
    long Escalations,
    long LeaderTakes,
    int Activations,
    int Reminders,
    long EventsDropped,
    InstrumentSummary TurnLatencyMs,
    InstrumentSummary ReminderLatenessMs,
    InstrumentSummary EscalationLatenessMs,
    long ManagedHeapBytes,
    long WorkingSetBytes,
    double? ManagedBytesPerOpenCase,
    int ThreadPoolThreads,
    long ThreadPoolPendingWorkItems);
