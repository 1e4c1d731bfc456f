namespace Dispatch.Silo.Options;

/// <summary>
/// How this silo takes part in its cluster (configuration section "Cluster"). With SQLite the silo is single (localhost
/// clustering on these ports); with PostgreSQL every silo of one deployment joins through the membership table in the
/// shared database and shares <see cref="ServiceId"/> and <see cref="ClusterId"/>.
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

    /// <summary>
    /// The address other silos reach this one at: an IP address or a host name resolved at start (default 127.0.0.1:
    /// a loopback cluster). The silo listens on it too.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// How long a silo waits for a liveness probe's answer, and how often it probes (default 2 s; see README, "Several
    /// silos", for why). Only used with PostgreSQL.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes in a row after which a silo votes another dead (default 2). Only used with PostgreSQL.</summary>
    public int MissedProbesLimit { get; set; } = 2;
}
