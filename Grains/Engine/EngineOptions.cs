namespace Dispatch.Grains.Engine;

/// <summary>Engine settings (configuration section "Engine").</summary>
public sealed class EngineOptions
{
    /// <summary>How soon an undelivered outbox (a summons copy a department has not confirmed) is re-sent (default 10 s).</summary>
    public TimeSpan OutboxRetry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an activation (a case, a center…) stays in memory unused before Orleans collects it (default 15 min).</summary>
    public TimeSpan IdleDeactivation { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many closed cases a center keeps in its list besides the open ones (default 200).</summary>
    public int ClosedCasesKept { get; set; } = 200;

    /// <summary>How many closed summonses a department keeps besides the open ones (default 200).</summary>
    public int ClosedSummonsesKept { get; set; } = 200;
}
