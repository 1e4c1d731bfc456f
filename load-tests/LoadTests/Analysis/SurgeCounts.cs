namespace Dispatch.LoadTests.Analysis;

/// <summary>What happened, counted.</summary>
public sealed record SurgeCounts(
    int Scheduled,
    int Accepted,
    int Failed,
    int Retried,
    int Summoned,
    int SeenLive,
    int SeenOnlyInStore,
    int Acknowledged,
    int Arrived,
    int AnswersRefused,
    int Escalated,
    int LeaderTook,
    int Lost,
    int Duplicated,
    int DeadlinesMissed,
    int SilentDepartments,
    long LiveEvents);
