using Dispatch.LoadTests.Api;
using Dispatch.LoadTests.Observations;
using Dispatch.LoadTests.SiloHost;

namespace Dispatch.LoadTests.Surge;

/// <summary>
/// The chaos of a cluster: kill -9 one silo mid-surge and measure the failover. Cases accepted before the kill (up to
/// <see cref="ProbedCases"/>, a seeded sample) are read through the other silos again and again until each answers;
/// the last answer marks the end of the outage, whose deadlines the analysis then follows. The killed silo is started
/// again after the chaos-down time, rejoining the cluster.
/// </summary>
public sealed class FailoverProbe(DispatchApiClient api, string adminToken, RunClock clock, SurgeLog log, TimeSpan down, int seed)
{
    /// <summary>How many cases accepted before the kill are read back.</summary>
    public const int ProbedCases = 200;

    /// <summary>How long a case may take to answer again before it is reported as not answering.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public async Task RunAsync(SiloProcess victim, double atMs, List<string> notes, CancellationToken ct)
    {
        await Task.Delay(clock.Until(atMs), ct);
        var random = new Random(seed);
        var cases = log.AcceptedCaseIds().OrderBy(_ => random.Next()).Take(ProbedCases).ToList();
        log.Counters.Stage = "surge: one silo killed";
        var killedMs = clock.NowMs;
        var killedAt = clock.NowInstant;
        await victim.KillAsync();
        var restart = RestartAsync(victim, notes, ct);

        var answeredMs = new double[cases.Count];
        var silent = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, c) =>
            {
                while (clock.NowMs - killedMs < Patience.TotalMilliseconds)
                {
                    if ((await api.GetCaseAsync(adminToken, cases[i], c)).Succeeded)
                    {
                        answeredMs[i] = clock.NowMs;
                        return;
                    }
                    await Task.Delay(50, c);
                }
                Interlocked.Increment(ref silent);
            });
        if (silent == 0)
        {
            var lastMs = cases.Count == 0 ? clock.NowMs : answeredMs.Max();
            log.Add(new Outage(killedMs, killedAt, lastMs, killedAt.Plus(NodaTime.Duration.FromMilliseconds(lastMs - killedMs)), Failover: true));
            notes.Add($"Failover: {cases.Count} cases accepted before the kill were read through the other silos until each answered; the last answered {(lastMs - killedMs) / 1000:0.00} s after the kill.");
        }
        else
        {
            log.Add(new Outage(killedMs, killedAt, null, null, Failover: true));
            notes.Add($"Failover: {silent} of {cases.Count} cases accepted before the kill did not answer within {Patience.TotalSeconds:0} s.");
        }
        log.Counters.Stage = "surge (failed over)";
        await restart;
    }

    private async Task RestartAsync(SiloProcess victim, List<string> notes, CancellationToken ct)
    {
        await Task.Delay(down, ct);
        try
        {
            await victim.RestartAsync(ct);
        }
        catch (SurgeSetupException e)
        {
            notes.Add($"The killed silo did not come back: {e.Message}");
        }
    }
}
