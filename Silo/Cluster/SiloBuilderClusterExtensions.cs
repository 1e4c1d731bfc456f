using System.Net;
using System.Net.Sockets;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Options;
using Dispatch.Silo.Storage;
using Orleans.Configuration;

namespace Dispatch.Silo.Cluster;

/// <summary>How a silo finds the others: alone on SQLite, through the membership table on PostgreSQL.</summary>
public static class SiloBuilderClusterExtensions
{
    /// <summary>
    /// Cluster identity and membership. SQLite: one silo, localhost clustering on the configured ports. PostgreSQL:
    /// Orleans' ADO.NET clustering on the same database as state and reminders (the schema holds its tables), this
    /// silo advertised and listening at <see cref="ClusterSettings.AdvertisedAddress"/>, with the liveness probes of
    /// <see cref="ClusterSettings"/> and the failover options below.
    /// </summary>
    /// <exception cref="SiloStartupException">The advertised address is neither an IP address nor a host name that resolves.</exception>
    public static ISiloBuilder AddDispatchClustering(this ISiloBuilder silo, ClusterSettings cluster, StoreOptions store)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = cluster.ServiceId;
            o.ClusterId = cluster.ClusterId;
        });
        if (!store.IsPostgres)
            return silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);

        var address = Resolve(cluster.AdvertisedAddress);
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = address;
            o.SiloPort = cluster.SiloPort;
            o.GatewayPort = cluster.GatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(address, cluster.SiloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(address, cluster.GatewayPort);
        });
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = store.AdoNetInvariant;
            o.ConnectionString = store.AdoNetConnectionString;
        });
        silo.Configure<ClusterMembershipOptions>(o => ConfigureFailover(o, cluster));
        return silo;
    }

    /// <summary>
    /// Liveness as measured on this machine (README, "Several silos"): probe every <see cref="ClusterSettings.ProbeTimeout"/>
    /// and vote a silo dead after <see cref="ClusterSettings.MissedProbesLimit"/> missed probes; heartbeats in the table
    /// every 10 s; votes expire after 20 s, so that two votes cast a few seconds apart still count.
    /// </summary>
    internal static void ConfigureFailover(ClusterMembershipOptions options, ClusterSettings cluster)
    {
        options.ProbeTimeout = cluster.ProbeTimeout;
        options.NumMissedProbesLimit = cluster.MissedProbesLimit;
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(20);
        // Dead silos' rows are kept for a day, not a week: a loopback cluster restarted often would pile them up.
        options.DefunctSiloExpiration = TimeSpan.FromDays(1);
    }

    private static IPAddress Resolve(string advertised)
    {
        if (IPAddress.TryParse(advertised, out var ip))
            return ip;
        try
        {
            return Dns.GetHostAddresses(advertised).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new SiloStartupException($"Cluster:AdvertisedAddress '{advertised}' has no IPv4 address.");
        }
        catch (SocketException e)
        {
            throw new SiloStartupException($"Cluster:AdvertisedAddress '{advertised}' does not resolve: {e.Message}", e);
        }
    }
}
