namespace Dispatch.Silo.Options;

/// <summary>
/// Request rate limits on /api and /hubs (configuration section "RateLimit"): a token bucket per authenticated principal,
/// and one per remote address for requests without a valid token. A request beyond its bucket is answered 429 with
/// Retry-After at once (nothing is queued).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Whether requests are limited at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each bucket is refilled (default 1 s).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests a principal gains each <see cref="Period"/> (default 1,000).</summary>
    public int PermitsPerPeriod { get; set; } = 1_000;

    /// <summary>The most a principal's bucket holds: the burst it may send at once (default 2,000).</summary>
    public int Burst { get; set; } = 2_000;

    /// <summary>Requests one remote address without a valid token gains each <see cref="Period"/> (default 100).</summary>
    public int AnonymousPermitsPerPeriod { get; set; } = 100;

    /// <summary>The most an anonymous address's bucket holds (default 200).</summary>
    public int AnonymousBurst { get; set; } = 200;

    /// <summary>Null when the settings hang together; otherwise why not.</summary>
    public string? Problem()
    {
        if (Period < TimeSpan.FromMilliseconds(1))
            return $"RateLimit:Period ({Period}) must be at least 1 ms.";
        if (PermitsPerPeriod < 1 || AnonymousPermitsPerPeriod < 1)
            return "RateLimit:PermitsPerPeriod and RateLimit:AnonymousPermitsPerPeriod must be at least 1.";
        if (Burst < PermitsPerPeriod || AnonymousBurst < AnonymousPermitsPerPeriod)
            return $"RateLimit:Burst ({Burst}) must be at least RateLimit:PermitsPerPeriod ({PermitsPerPeriod}), and RateLimit:AnonymousBurst ({AnonymousBurst}) at least RateLimit:AnonymousPermitsPerPeriod ({AnonymousPermitsPerPeriod}).";
        return null;
    }
}
