using Orleans.Runtime;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Whether this silo takes calls: the host has started and Orleans counts the silo as active in its cluster; false
/// again from the moment the host begins to stop.
/// </summary>
public sealed class SiloReadiness(IHostApplicationLifetime lifetime, ISiloStatusOracle membership)
{
    public bool IsReady =>
        lifetime.ApplicationStarted.IsCancellationRequested
        && !lifetime.ApplicationStopping.IsCancellationRequested
        && membership.CurrentStatus == SiloStatus.Active;

    /// <summary>This silo's membership status as Orleans sees it ("Active", "Joining", "ShuttingDown"…).</summary>
    public string Status => membership.CurrentStatus.ToString();
}
