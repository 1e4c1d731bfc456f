using Dispatch.LoadTests.Surge;
using Spectre.Console;

namespace Dispatch.LoadTests.Commands;

/// <summary>Phase lines, and a Spectre.Console progress display while the surge runs.</summary>
public sealed class SpectreSurgeObserver(IAnsiConsole console) : ISurgeObserver
{
    public void Phase(string message) => console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

    public async Task WatchAsync(SurgeCounters counters, int whistles, Task surge)
    {
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var answered = ctx.AddTask("whistles answered", maxValue: whistles);
                var stage = ctx.AddTask("stage", maxValue: 1);
                stage.IsIndeterminate = true;
                while (true)
                {
                    answered.Value = counters.Accepted + counters.Failed;
                    answered.Description = $"whistles: {counters.Sent:N0} sent, {counters.Accepted:N0} accepted, {counters.Failed:N0} failed";
                    stage.Description = Markup.Escape(
                        $"{counters.Stage}: {counters.LiveSummonses:N0} summonses live, {counters.Acks:N0} acks, {counters.Escalations:N0} escalations");
                    if (surge.IsCompleted) break;
                    await Task.WhenAny(surge, Task.Delay(250));
                }
                stage.IsIndeterminate = false;
                stage.Value = 1;
            });
        await surge;
    }
}
