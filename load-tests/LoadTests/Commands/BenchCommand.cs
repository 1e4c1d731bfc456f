using System.CommandLine;
using Dispatch.LoadTests.Bench;
using Spectre.Console;

namespace Dispatch.LoadTests.Commands;

/// <summary>`dispatch-load bench`: grain-call throughput and latency against raw channel ping-pong.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds per shape.", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up seconds per shape (not measured).", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int>("--concurrency") { Description = "Callers (and grains) in the concurrent shape.", DefaultValueFactory = _ => 100 };
        var command = new Command("bench", "In-memory grain calls per second and p50/p99 latency, beside raw Channel ping-pong, as a ratio.")
        {
            seconds, warmup, concurrency,
        };
        command.SetAction(async (parse, ct) =>
        {
            var s = parse.GetValue(seconds);
            var w = parse.GetValue(warmup);
            var c = parse.GetValue(concurrency);
            if (s < 1 || w < 0 || c < 1)
            {
                AnsiConsole.MarkupLine("[red]--seconds must be ≥ 1, --warmup ≥ 0 and --concurrency ≥ 1.[/]");
                return 2;
            }
            AnsiConsole.MarkupLine($"Runtime benchmark: {s} s per shape after {w} s warm-up, {Environment.ProcessorCount} cores.");
            var progress = new Progress<string>(m => AnsiConsole.MarkupLineInterpolated($"[grey]measuring {m}[/]"));
            var results = await RuntimeBenchmark.RunAsync(TimeSpan.FromSeconds(s), TimeSpan.FromSeconds(w), c, progress, ct);
            var table = new Table().AddColumns("shape", "grain calls/s", "grain p50 µs", "grain p99 µs",
                "channel calls/s", "channel p50 µs", "channel p99 µs", "rate ratio");
            foreach (var (grain, channel) in results)
            {
                table.AddRow($"{grain.Callers} → {grain.Callers}", $"{grain.CallsPerSecond:N0}", $"{grain.P50Micros:N1}",
                    $"{grain.P99Micros:N1}", $"{channel.CallsPerSecond:N0}", $"{channel.P50Micros:N1}", $"{channel.P99Micros:N1}",
                    $"{grain.CallsPerSecond / channel.CallsPerSecond:P0}");
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine("Target: grain rate ≥ 50 % of the raw channel rate.");
            return 0;
        });
        return command;
    }
}
