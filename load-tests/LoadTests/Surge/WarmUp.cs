using Dispatch.LoadTests.Api;

namespace Dispatch.LoadTests.Surge;

/// <summary>
/// Whistles before the measured surge so the silo's code is jitted and its pools are filled: four at a time, with
/// one-hour deadlines and nobody answering (nothing escalates during the run), not observed, not reported.
/// </summary>
public static class WarmUp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <returns>How many of the warm-up whistles were accepted.</returns>
    public static async Task<int> RunAsync(DispatchApiClient api, TokenCache tokens, IReadOnlyList<WhistlePlan> plans, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var accepted = 0;
        try
        {
            await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = timeout.Token }, async (plan, ct) =>
            {
                var token = await tokens.CommissionerAsync(plan.TownshipId, ct);
                var report = await api.ReportCaseAsync(token, plan.GridId, plan.Category, plan.Risk, $"warm-up #{plan.Index}", ct);
                if (!report.Succeeded) return;
                var whistle = await api.WhistleAsync(token, report.Value!.Id, TimeSpan.FromHours(1), TimeSpan.FromHours(2), ct);
                if (whistle.Succeeded) Interlocked.Increment(ref accepted);
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Out of time: warm enough.
        }
        return accepted;
    }
}
