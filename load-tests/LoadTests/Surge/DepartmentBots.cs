using System.Collections.Concurrent;
using Dispatch.LoadTests.Api;
using Dispatch.LoadTests.Distributions;
using Dispatch.LoadTests.Observations;

namespace Dispatch.LoadTests.Surge;

/// <summary>
/// The summoned departments, simulated: for each new summons of a department that answers, wait a sampled delay and
/// acknowledge, then wait another and report arrival (as admin). Silent departments never answer. A summons is
/// handled once however often it is noticed (live event and whistle response). Failed attempts are retried while
/// the silo is unavailable; a refusal (such as 409 for a summons already escalated) ends that summons.
/// </summary>
public sealed class DepartmentBots(
    DispatchApiClient api,
    string adminToken,
    IDelayDistribution ackDelay,
    IDelayDistribution arriveDelay,
    IReadOnlySet<string> silent,
    int concurrency,
    int seed,
    RunClock clock,
    SurgeLog log,
    CancellationToken stop)
{
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _running = [];
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private readonly Random _random = new(seed);
    private readonly Lock _randomLock = new();

    /// <summary>Summonses noticed so far (answered or not).</summary>
    public int Known => _known.Count;

    /// <summary>A summons seen live or returned by a whistle; only its first notice while issued counts.</summary>
    public void Notice(SummonsDto summons)
    {
        if (summons.State != LiveSummons.Issued || stop.IsCancellationRequested) return;
        if (!_known.TryAdd(summons.Id, 0)) return;
        if (silent.Contains(summons.DepartmentId)) return;
        _running.Add(Task.Run(() => AnswerAsync(summons.Id, summons.DepartmentId)));
    }

    /// <summary>Waits for every answer in progress (they end soon after the stop token is cancelled).</summary>
    public Task WhenAllAsync() => Task.WhenAll(_running.ToArray());

    private async Task AnswerAsync(string summonsId, string departmentId)
    {
        try
        {
            await Task.Delay(Sample(ackDelay), stop);
            if (!await ActAsync(summonsId, departmentId, BotActionKind.Ack)) return;
            await Task.Delay(Sample(arriveDelay), stop);
            await ActAsync(summonsId, departmentId, BotActionKind.Arrive);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over: a department that had not answered yet never will.
        }
    }

    private async Task<bool> ActAsync(string summonsId, string departmentId, BotActionKind kind)
    {
        var action = kind == BotActionKind.Ack ? "ack" : "arrive";
        for (var attempt = 1; ; attempt++)
        {
            await _slots.WaitAsync(stop);
            double sent, done;
            ApiResult<SummonsDto> result;
            try
            {
                sent = clock.NowMs;
                result = await api.ActOnSummonsAsync(adminToken, summonsId, action, stop);
                done = clock.NowMs;
            }
            finally
            {
                _slots.Release();
            }
            if (result.IsTransient && !stop.IsCancellationRequested)
            {
                await Task.Delay(Backoff.After(attempt), stop);
                continue;
            }
            log.Add(new BotAction(summonsId, departmentId, kind, sent, result.Status == 0 ? null : done, result.Status, attempt));
            return result.Succeeded;
        }
    }

    private TimeSpan Sample(IDelayDistribution distribution)
    {
        lock (_randomLock) return distribution.Sample(_random);
    }
}
