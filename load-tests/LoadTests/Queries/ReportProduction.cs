using System.Diagnostics;
using System.Net;
using Dispatch.Grains.Interfaces;
using Dispatch.Grains.Interfaces.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Dispatch.LoadTests.Queries;

/// <summary>
/// Produces a county's quarter report the way its schedule does at the quarter's end
/// (<see cref="IReportScheduleGrain.Produce"/>), through an Orleans client on the silo's gateway, and times it. No
/// HTTP path produces a report: operators only open stored ones, so this is the background job's time, timed apart.
/// </summary>
public static class ReportProduction
{
    public const string Name = "quarter report, produced (Orleans call)";

    /// <summary>The produced report's id and the timing (each repetition produces it again, replacing it).</summary>
    public static async Task<(string? ReportId, ReadTiming Timing)> RunAsync(int gatewayPort, string countyId, NodaTime.LocalDate quarter,
        int repetitions, CancellationToken ct)
    {
        var request = $"IReportScheduleGrain({countyId}).Produce(Quarterly, {ReadTargets.Iso(quarter)})";
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("dispatch", "dispatch"));
        });
        using var host = builder.Build();
        try
        {
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connect.CancelAfter(TimeSpan.FromSeconds(30));
            await host.StartAsync(connect.Token);
            var schedule = host.Services.GetRequiredService<IClusterClient>().GetGrain<IReportScheduleGrain>(countyId);
            var samples = new List<double>();
            string? id = null;
            for (var i = 0; i < Math.Max(1, repetitions); i++)
            {
                var watch = Stopwatch.StartNew();
                var header = await schedule.Produce(ReportKind.Quarterly, quarter).WaitAsync(TimeSpan.FromMinutes(5), ct);
                samples.Add(watch.Elapsed.TotalMilliseconds);
                id = header.Id;
            }
            await host.StopAsync(CancellationToken.None);
            return (id, ReadTiming.Of(Name, request, repetitions > 0 ? samples : [], null,
                "a background job at the quarter's end (no one waits on it); the first production is included"));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or OperationCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            return (null, ReadTiming.Failed(Name, request, $"could not produce it through the gateway on 127.0.0.1:{gatewayPort}: {e.Message}"));
        }
    }
}
