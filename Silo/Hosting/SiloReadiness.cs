using Dispatch.Silo.Live;
using Orleans.Runtime;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Whether this silo takes calls: the host has started, Orleans counts the silo as active in its cluster and, in a
/// cluster, the silo receives every silo's live events (<see cref="LiveStreamBridge"/>); false again from the moment the
/// host begins to stop.
/// </summary>
public sealed class SiloReadiness(IHostApplicationLifetime lifetime, ISiloStatusOracle membership, IClusterMembershipService cluster,
    ILocalSiloDetails local, IServiceProvider services)
{
    private readonly LiveStreamBridge? _bridge = services.GetService<LiveStreamBridge>();

    public bool IsReady =>
        lifetime.ApplicationStarted.IsCancellationRequested
        && !lifetime.ApplicationStopping.IsCancellationRequested
        && membership.CurrentStatus == SiloStatus.Active
        && (_bridge is null || _bridge.Subscribed.IsCompletedSuccessfully);

    /// <summary>This silo's membership status as Orleans sees it ("Active", "Joining", "ShuttingDown"…).</summary>
    public string Status => membership.CurrentStatus.ToString();

    /// <summary>This silo's address in the cluster ("127.0.0.1:11111@…").</summary>
    public string Address => local.SiloAddress.ToParsableString();

    /// <summary>How many silos of the cluster this silo sees active (itself included).</summary>
    public int ActiveSilos => cluster.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
}
