using Dispatch.LoadTests.Api;
using Dispatch.LoadTests.Observations;

namespace Dispatch.LoadTests.Surge;

/// <summary>Reads every case the surge created back from the silo (GET /api/v1/cases/{id}), to find summonses the live channel missed.</summary>
public static class StoreVerifier
{
    public static async Task VerifyAsync(DispatchApiClient api, string adminToken, IReadOnlyList<string> caseIds, int concurrency,
        SurgeLog log, CancellationToken giveUp)
    {
        await Parallel.ForEachAsync(caseIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, _) =>
        {
            string? error = null;
            try
            {
                for (var attempt = 0; ; attempt++)
                {
                    var r = await api.GetCaseAsync(adminToken, id, giveUp);
                    if (r.Succeeded)
                    {
                        log.Add(new StoredCase(id, (r.Value!.Summonses ?? []).Select(s => new StoredSummons(s.Id, s.DepartmentId, s.State,
                            s.EscalationLevel, s.EscalatedTo, s.IssuedAt, s.AckDueAt, s.ArriveDueAt, s.AckedAt, s.ArrivedAt)).ToList(), null));
                        return;
                    }
                    if (!r.IsTransient)
                    {
                        error = r.Error;
                        break;
                    }
                    await Task.Delay(Backoff.After(attempt), giveUp);
                }
            }
            catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
            {
                error = "not read: the verification ran out of time";
            }
            log.Add(new StoredCase(id, [], error));
        });
    }
}
