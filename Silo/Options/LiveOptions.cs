namespace Dispatch.Silo.Options;

/// <summary>Live streams to clients (configuration section "Live").</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often an idle event stream sends a comment so proxies and clients keep it open (default 15 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Events that may wait for one slow client before newer ones are dropped for it (default 10,000).</summary>
    public int SubscriberCapacity { get; set; } = 10_000;
}
