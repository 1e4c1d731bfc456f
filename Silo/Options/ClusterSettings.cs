namespace Dispatch.Silo.Options;

/// <summary>
/// How this silo takes part in its cluster (configuration section "Cluster"). With SQLite the silo is single (localhost
/// clustering on these ports); every silo of one deployment shares <see cref="ServiceId"/> and <see cref="ClusterId"/>.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    /// <summary>Names the deployment's durable data (state and reminders are keyed by it); default "dispatch".</summary>
    public string ServiceId { get; set; } = "dispatch";

    /// <summary>Names one cluster of silos that talk to each other; default "dispatch".</summary>
    public string ClusterId { get; set; } = "dispatch";

    /// <summary>The port silos talk to each other on (default 11111).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients connect to (default 30000).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (default 127.0.0.1: a loopback cluster).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
