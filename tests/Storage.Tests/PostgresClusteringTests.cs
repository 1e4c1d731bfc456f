using System.Net;
using Dispatch.Testing;
using Dispatch.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;

namespace Dispatch.Storage.Tests;

/// <summary>Orleans' ADO.NET clustering provider on Dispatch's PostgreSQL schema.</summary>
public sealed class PostgresClusteringTests
{
    [Fact]
    public async Task Two_silos_form_a_cluster_through_the_membership_table()
    {
        var store = StoreOptions.Postgres(await TestDatabases.NewPostgresDatabaseAsync());
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];

        var first = await Silos.StartClusteredAsync(store, clusterId);
        try
        {
            Assert.Equal(1, await Db.CountAsync(store, "SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = @c AND Status = 3", ("c", clusterId)));
            Assert.Equal(1, await Db.CountAsync(store, "SELECT COUNT(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = @c AND Version > 0", ("c", clusterId)));

            var grain = first.Grains().GetGrain<IProbeGrain>("clustered");
            await grain.SetValue("through the cluster");
            Assert.Equal("through the cluster", await grain.GetValue());

            var second = await Silos.StartClusteredAsync(store, clusterId);
            try
            {
                await WaitForActiveSilosAsync(first, 2);
                await WaitForActiveSilosAsync(second, 2);
                Assert.Equal(2, await Db.CountAsync(store, "SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = @c AND Status = 3", ("c", clusterId)));

                // Either silo reaches the grain, wherever it lives.
                Assert.Equal("through the cluster", await second.Grains().GetGrain<IProbeGrain>("clustered").GetValue());
                var hosts = await first.Grains().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                Assert.Equal(2, hosts.Count);
            }
            finally
            {
                await Silos.StopAsync(second);
            }
        }
        finally
        {
            await Silos.StopAsync(first);
        }
        Assert.Equal(0, await Db.CountAsync(store, "SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = @c AND Status = 3", ("c", clusterId)));
    }

    [Fact]
    public async Task The_membership_queries_follow_the_table_version()
    {
        var store = StoreOptions.Postgres(await TestDatabases.NewPostgresDatabaseAsync());
        await OrleansSchema.ApplyAsync(store);
        var clusterId = "table-" + Guid.NewGuid().ToString("N")[..8];
        var services = new ServiceCollection().BuildServiceProvider();
        var clusterOptions = Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = Silos.ServiceId });
        var table = new AdoNetClusteringTable(services, clusterOptions,
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = store.AdoNetInvariant, ConnectionString = store.AdoNetConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);

        await table.InitializeMembershipTableAsync(true);
        await table.InitializeMembershipTableAsync(true); // the version row exists already: harmless
        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);

        var silo = SiloAddress.New(IPAddress.Loopback, 11111, 42);
        var entry = new MembershipEntry
        {
            SiloAddress = silo,
            SiloName = "silo-a",
            HostName = "host-a",
            Status = SiloStatus.Joining,
            ProxyPort = 30000,
            StartTime = DateTime.UtcNow,
            IAmAliveTime = DateTime.UtcNow,
        };
        Assert.True(await table.InsertRowAsync(entry, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(entry, empty.Version.Next())); // stale version
        var afterInsert = await table.ReadAllAsync();
        Assert.Equal(1, afterInsert.Version.Version);
        var (read, rowEtag) = Assert.Single(afterInsert.Members);
        Assert.Equal("1", rowEtag); // a row's ETag is the table version it was read at
        Assert.Equal(silo, read.SiloAddress);
        Assert.Equal("silo-a", read.SiloName);
        Assert.Equal("host-a", read.HostName);
        Assert.Equal(SiloStatus.Joining, read.Status);
        Assert.Equal(30000, read.ProxyPort);

        entry.Status = SiloStatus.Active;
        entry.SuspectTimes = [Tuple.Create(SiloAddress.New(IPAddress.Loopback, 22222, 7), DateTime.UtcNow)];
        Assert.False(await table.UpdateRowAsync(entry, "0", empty.Version.Next())); // stale version: the database says no
        Assert.True(await table.UpdateRowAsync(entry, rowEtag, afterInsert.Version.Next()));
        var row = await table.ReadRowAsync(silo);
        Assert.Equal(2, row.Version.Version);
        var (active, _) = Assert.Single(row.Members);
        Assert.Equal(SiloStatus.Active, active.Status);
        Assert.Single(active.SuspectTimes!);
        var unknown = await table.ReadRowAsync(SiloAddress.New(IPAddress.Loopback, 1, 1));
        Assert.Empty(unknown.Members);
        Assert.Equal(2, unknown.Version.Version);

        var alive = DateTime.UtcNow.AddMinutes(1);
        entry.IAmAliveTime = alive;
        await table.UpdateIAmAliveAsync(entry);
        var (heartbeat, _) = Assert.Single((await table.ReadRowAsync(silo)).Members);
        Assert.Equal(alive, heartbeat.IAmAliveTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, (await table.ReadAllAsync()).Version.Version); // heartbeats do not bump the version

        var gateways = new AdoNetGatewayListProvider(NullLogger<AdoNetGatewayListProvider>.Instance, services,
            Options.Create(new AdoNetClusteringClientOptions { Invariant = store.AdoNetInvariant, ConnectionString = store.AdoNetConnectionString }),
            Options.Create(new GatewayOptions()), clusterOptions);
        await gateways.InitializeGatewayListProviderAsync();
        var gateway = Assert.Single(await gateways.GetGatewaysAsync());
        Assert.Equal(SiloAddress.New(IPAddress.Loopback, 30000, 42).ToGatewayUri(), gateway);

        // Only rows of Dead silos that started and were last heard of before the cut-off go (per-row query).
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(1));
        Assert.Single((await table.ReadAllAsync()).Members);
        var current = await table.ReadAllAsync();
        entry.Status = SiloStatus.Dead;
        Assert.True(await table.UpdateRowAsync(entry, current.Version.VersionEtag, current.Version.Next()));
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Single((await table.ReadAllAsync()).Members);
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(1));
        Assert.Empty((await table.ReadAllAsync()).Members);

        await table.DeleteMembershipTableEntriesAsync(clusterId);
        Assert.Equal(0, await Db.CountAsync(store, "SELECT COUNT(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = @c", ("c", clusterId)));
    }

    [Fact]
    public async Task The_bulk_cleanup_query_removes_only_old_rows_of_dead_silos()
    {
        var store = StoreOptions.Postgres(await TestDatabases.NewPostgresDatabaseAsync());
        await OrleansSchema.ApplyAsync(store);
        var cluster = "bulk-" + Guid.NewGuid().ToString("N")[..8];
        var old = DateTime.UtcNow.AddHours(-2);
        await Db.ExecuteAsync(store, "INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@c)", ("c", cluster));
        foreach (var (port, status, alive) in new[] { (1, 6, old), (2, 6, DateTime.UtcNow), (3, 3, old), (4, 5, old) })
        {
            await Db.ExecuteAsync(store,
                "INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime) " +
                "VALUES (@c, '127.0.0.1', @p, 1, 's', 'h', @s, 0, @t, @a)",
                ("c", cluster), ("p", port), ("s", status), ("t", old), ("a", alive));
        }
        var query = (string)(await Db.ScalarAsync(store, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntriesKey'"))!;
        await Db.ExecuteAsync(store, query, ("DeploymentId", cluster), ("IAmAliveTime", DateTime.UtcNow.AddHours(-1)));
        Assert.Equal(["2", "3", "4"], await Db.StringsAsync(store, "SELECT Port FROM OrleansMembershipTable WHERE DeploymentId = @c ORDER BY Port", ("c", cluster)));
    }

    /// <summary>Waits, without sleeping, until <paramref name="host"/>'s membership view holds <paramref name="count"/> active silos.</summary>
    private static async Task WaitForActiveSilosAsync(IHost host, int count)
    {
        var membership = host.Services.GetRequiredService<IClusterMembershipService>();
        using var timeout = new CancellationTokenSource(Silos.Patience);
        await membership.Refresh(cancellationToken: timeout.Token);
        if (ActiveCount(membership.CurrentSnapshot) >= count)
            return;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(timeout.Token))
        {
            if (ActiveCount(snapshot) >= count)
                return;
        }

        static int ActiveCount(ClusterMembershipSnapshot snapshot) => snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
    }
}
