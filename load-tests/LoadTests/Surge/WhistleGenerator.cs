using System.Collections.Concurrent;
using Dispatch.LoadTests.Api;
using Dispatch.LoadTests.Observations;

namespace Dispatch.LoadTests.Surge;

/// <summary>
/// Sends the planned whistles open-loop: each starts at its planned time whatever happened to the ones before (up to
/// <c>concurrency</c> in flight; beyond that a whistle waits, which shows as schedule lag). A whistle is POST /cases as
/// the township's commissioner, then POST /cases/{id}/whistle; attempts that got no answer (or 5xx) are repeated until
/// <c>giveUp</c> (a repeated whistle is idempotent; a repeated report may leave an extra case without whistle).
/// </summary>
public sealed class WhistleGenerator(
    DispatchApiClient api,
    TokenCache tokens,
    TimeSpan? ackWithin,
    TimeSpan? arriveWithin,
    int concurrency,
    RunClock clock,
    SurgeLog log,
    Action<SummonsDto> onSummons)
{
    /// <summary>Runs the schedule; returns when every whistle was answered or given up, with the time the last one was sent.</summary>
    public async Task<double> RunAsync(IReadOnlyList<WhistlePlan> plans, double startMs, CancellationToken giveUp)
    {
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var running = new ConcurrentBag<Task>();
        var lastSend = startMs;
        var next = 0;
        for (; next < plans.Count; next++)
        {
            var plan = plans[next];
            if (giveUp.IsCancellationRequested) break;
            var wait = clock.Until(startMs + plan.OffsetMs);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                try { await Task.Delay(wait, giveUp); }
                catch (OperationCanceledException) { break; }
            }
            try { await slots.WaitAsync(giveUp); }
            catch (OperationCanceledException) { break; }
            lastSend = clock.NowMs;
            running.Add(Task.Run(async () =>
            {
                try { await OneAsync(plan, startMs, giveUp); }
                finally { slots.Release(); }
            }));
        }
        // What the schedule never reached still counts: scheduled, not accepted.
        for (; next < plans.Count; next++)
        {
            var plan = plans[next];
            log.Counters.AddFailed();
            log.Add(new WhistleObservation(plan.Index, plan.GridId, plan.TownshipId, plan.Category, plan.Risk, startMs + plan.OffsetMs,
                null, null, null, null, null, 0, "not sent: the schedule fell behind and the run's time ran out", []));
        }
        await Task.WhenAll(running);
        return lastSend;
    }

    private async Task OneAsync(WhistlePlan plan, double startMs, CancellationToken giveUp)
    {
        log.Counters.AddSent();
        string? caseId = null, error = null;
        double? caseSent = null, caseDone = null, whistleSent = null, whistleDone = null;
        var retries = 0;
        IReadOnlyList<IssuedSummons> summonses = [];
        try
        {
            var token = await tokens.CommissionerAsync(plan.TownshipId, giveUp);
            for (var attempt = 0; ; attempt++)
            {
                caseSent = clock.NowMs;
                var r = await api.ReportCaseAsync(token, plan.GridId, plan.Category, plan.Risk, $"surge #{plan.Index}: {plan.Category} in {plan.GridId}", giveUp);
                if (r.Succeeded)
                {
                    caseDone = clock.NowMs;
                    caseId = r.Value!.Id;
                    break;
                }
                if (!r.IsTransient) throw new WhistleFailedException($"POST /cases: {r.Error}");
                retries++;
                await Task.Delay(Backoff.After(attempt), giveUp);
            }
            for (var attempt = 0; ; attempt++)
            {
                whistleSent = clock.NowMs;
                var r = await api.WhistleAsync(token, caseId, ackWithin, arriveWithin, giveUp);
                if (r.Succeeded)
                {
                    whistleDone = clock.NowMs;
                    summonses = r.Value!.Select(s => new IssuedSummons(s.Id, s.CaseId, s.DepartmentId, s.EscalationLevel, s.IssuedAt, s.AckDueAt, s.ArriveDueAt)).ToList();
                    foreach (var s in r.Value!) onSummons(s);
                    break;
                }
                if (!r.IsTransient) throw new WhistleFailedException($"POST /cases/{caseId}/whistle: {r.Error}");
                retries++;
                await Task.Delay(Backoff.After(attempt), giveUp);
            }
        }
        catch (WhistleFailedException e)
        {
            error = e.Message;
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            error = "gave up: the silo did not answer before the end of the run";
        }
        catch (SurgeSetupException e)
        {
            error = e.Message;
        }
        if (error is null) log.Counters.AddAccepted();
        else log.Counters.AddFailed();
        log.Add(new WhistleObservation(plan.Index, plan.GridId, plan.TownshipId, plan.Category, plan.Risk, startMs + plan.OffsetMs,
            caseId, caseSent, caseDone, whistleSent, whistleDone, retries, error, summonses));
    }
}
