namespace Dispatch.LoadTests.Surge;

/// <summary>Writes phase messages to a text writer (or nowhere) and shows no live display: for tests and redirected output.</summary>
public sealed class QuietSurgeObserver(TextWriter? output = null) : ISurgeObserver
{
    public void Phase(string message) => output?.WriteLine(message);

    public async Task WatchAsync(SurgeCounters counters, int whistles, Task surge)
    {
        await surge;
        output?.WriteLine($"surge done: {counters.Sent} sent, {counters.Accepted} accepted, {counters.Failed} failed, " +
            $"{counters.LiveSummonses} summonses live, {counters.Acks} acks, {counters.Escalations} escalations");
    }
}
