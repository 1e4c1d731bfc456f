using System.Diagnostics;
using Dispatch.LoadTests.Seeding;
using Spectre.Console;

namespace Dispatch.LoadTests.Commands;

/// <summary>Phase lines, and a Spectre.Console progress bar of the cases copied, with rows per second.</summary>
public sealed class SpectreSeedProgress(IAnsiConsole console) : ISeedProgress
{
    private long _done, _total, _rows;
    private readonly Stopwatch _watch = new();

    public void Phase(string message) => console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

    public void CasesWritten(long done, long total, long rows)
    {
        if (!_watch.IsRunning) _watch.Start();
        Interlocked.Exchange(ref _total, total);
        Interlocked.Exchange(ref _rows, rows);
        Interlocked.Exchange(ref _done, done);
    }

    /// <summary>Shows the bar until <paramref name="seeding"/> ends, then returns its result.</summary>
    public async Task<T> WatchAsync<T>(long total, Task<T> seeding)
    {
        Interlocked.Exchange(ref _total, total);
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var cases = ctx.AddTask("cases", maxValue: total);
                while (true)
                {
                    var rows = Interlocked.Read(ref _rows);
                    var seconds = Math.Max(0.001, _watch.Elapsed.TotalSeconds);
                    cases.Value = Interlocked.Read(ref _done);
                    cases.Description = $"cases {cases.Value:N0} / {total:N0}, rows {rows:N0} ({rows / seconds:N0} rows/s)";
                    if (seeding.IsCompleted) break;
                    await Task.WhenAny(seeding, Task.Delay(250));
                }
            });
        return await seeding;
    }
}
