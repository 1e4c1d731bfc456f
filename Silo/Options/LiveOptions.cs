namespace Dispatch.Silo.Options;

/// <summary>Live streams to clients (configuration section "Live").</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>
    /// How live events reach the silos: "auto" (default: across every silo with PostgreSQL, within the silo with SQLite),
    /// "streams" (across silos through Orleans streams; PostgreSQL only) or "local" (each silo its own grains' events).
    /// </summary>
    public string Fanout { get; set; } = "auto";

    /// <summary>How often an idle event stream sends a comment so proxies and clients keep it open (default 15 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many of the newest live events each silo keeps for SSE clients that reconnect with Last-Event-ID (default
    /// 10,000); a client that missed more than that gets an <c>event: reset</c> instead.
    /// </summary>
    public int ReplayCapacity { get; set; } = 10_000;

    /// <summary>Events that may wait for one slow client before newer ones are dropped for it (default 10,000).</summary>
    public int SubscriberCapacity { get; set; } = 10_000;

    /// <summary>How long live events are coalesced before they are pushed to hub clients and dashboard pages (default 100 ms).</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one push may wait for slow hub clients before it is given up and logged (default 5 s).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
