namespace Dispatch.Silo.Options;

/// <summary>The deadline sweeper (configuration section "Deadlines").</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>
    /// How often the silo looks for cases whose reminder is overdue (default 5 s, real time; the first look is as soon
    /// as the silo has started). Zero: only at start and when called (tests).
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many overdue cases one pass wakes at most (default 5,000); the next pass takes the rest.</summary>
    public int SweepBatch { get; set; } = 5_000;

    /// <summary>
    /// At start, the cases written this long before it have their outbox re-driven (default 10 min): a crash may have cut
    /// one off between writing its state and delivering its read-model rows. Zero: no recovery pass.
    /// </summary>
    public TimeSpan RecoveryWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many overdue cases are woken at the same time (default 32).</summary>
    public int SweepParallelism { get; set; } = 32;
}
