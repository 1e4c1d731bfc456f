using System.Diagnostics;
using System.Threading.Channels;
using Dispatch.LoadTests.Reporting;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

namespace Dispatch.LoadTests.Bench;

/// <summary>
/// Orleans grain calls against raw ping-pong over System.Threading.Channels, measured in the same run: one caller to
/// one grain, and N callers each to their own grain. The grains run on a real Orleans silo in this process (localhost
/// clustering on free ports, no storage: the ping grain is stateless), called from inside it as the API does.
/// </summary>
public static class RuntimeBenchmark
{
    public static async Task<IReadOnlyList<(BenchResult Grain, BenchResult Channel)>> RunAsync(
        TimeSpan duration, TimeSpan warmup, int concurrency, IProgress<string> progress, CancellationToken cancellationToken)
    {
        using var silo = await StartSiloAsync(cancellationToken);
        try
        {
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            var results = new List<(BenchResult, BenchResult)>();
            foreach (var callers in new[] { 1, concurrency })
            {
                progress.Report($"grains: {callers} caller(s) → {callers} grain(s)");
                var grain = await MeasureAsync($"grain calls, {callers}→{callers}", callers, duration, warmup,
                    i => { var g = grains.GetGrain<IPingGrain>($"ping-{i}"); return v => g.Ping(v); }, cancellationToken);
                progress.Report($"channels: {callers} caller(s) ⇄ {callers} consumer(s)");
                var channel = await MeasureChannelsAsync(callers, duration, warmup, cancellationToken);
                results.Add((grain, channel));
            }
            return results;
        }
        finally
        {
            await silo.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Grain calls only, <paramref name="callers"/> callers each to their own grain: the surge's baseline.</summary>
    public static async Task<BenchResult> MeasureGrainCallsAsync(TimeSpan duration, TimeSpan warmup, int callers, CancellationToken cancellationToken)
    {
        using var silo = await StartSiloAsync(cancellationToken);
        try
        {
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            return await MeasureAsync($"grain calls, {callers}→{callers}", callers, duration, warmup,
                i => { var g = grains.GetGrain<IPingGrain>($"ping-{i}"); return v => g.Ping(v); }, cancellationToken);
        }
        finally
        {
            await silo.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>A single Orleans silo in this process on free loopback ports, hosting <see cref="PingGrain"/>.</summary>
    private static async Task<IHost> StartSiloAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Orleans warns of thread-pool stalls while the benchmark saturates the cores on purpose: errors only.
        builder.Logging.AddFilter(level => level >= LogLevel.Error).AddConsole();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next()));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    private static async Task<BenchResult> MeasureChannelsAsync(int pairs, TimeSpan duration, TimeSpan warmup, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var servers = new List<Task>();
        var channels = new Channel<(int Value, TaskCompletionSource<int> Reply)>[pairs];
        for (var i = 0; i < pairs; i++)
        {
            var channel = Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });
            channels[i] = channel;
            servers.Add(Task.Run(async () =>
            {
                await foreach (var (value, reply) in channel.Reader.ReadAllAsync())
                {
                    reply.TrySetResult(value + 1);
                }
            }));
        }
        var result = await MeasureAsync($"raw channels, {pairs}⇄{pairs}", pairs, duration, warmup, i => v =>
        {
            var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            channels[i].Writer.TryWrite((v, reply));
            return reply.Task;
        }, ct);
        foreach (var c in channels) c.Writer.TryComplete();
        await Task.WhenAll(servers);
        return result;
    }

    private static async Task<BenchResult> MeasureAsync(string name, int callers, TimeSpan duration, TimeSpan warmup,
        Func<int, Func<int, Task<int>>> target, CancellationToken ct)
    {
        var recorder = new LatencyRecorder(callers);
        var stopAt = Stopwatch.GetTimestamp() + (long)((warmup + duration).TotalSeconds * Stopwatch.Frequency);
        var startAt = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            var call = target(i);
            var v = 0;
            while (!ct.IsCancellationRequested)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= stopAt) break;
                v = await call(v);
                var t1 = Stopwatch.GetTimestamp();
                if (t0 >= startAt) recorder.Record(i, t1 - t0);
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        var samples = recorder.SortedMicroseconds();
        return new BenchResult(name, callers, samples.Length, duration.TotalSeconds,
            Percentiles.Of(samples, 0.50), Percentiles.Of(samples, 0.99));
    }
}
