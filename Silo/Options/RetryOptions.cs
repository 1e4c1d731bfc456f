namespace Dispatch.Silo.Options;

/// <summary>How the API rides out a failover or a store outage (configuration section "Retry").</summary>
public sealed class RetryOptions
{
    public const string Section = "Retry";

    /// <summary>
    /// How long one request may spend on engine calls, retrying those that failed for the moment (a silo being declared
    /// dead, the store away), before it is answered 503 (default 10 s: a measured failover takes 2–3 s, and a loaded
    /// two-core machine needs the margin; shorter than a client's patience).
    /// </summary>
    public TimeSpan RequestBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first pause between two tries; each pause doubles, up to <see cref="MaxDelay"/> (default 50 ms).</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest pause between two tries (default 1 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Retry-After a 503 answer carries (default 2 s).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(2);
}
