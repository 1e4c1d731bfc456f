using Dispatch.Grains.Interfaces;
using Orleans;
using Orleans.Runtime;

namespace Dispatch.Grains.Cases;

/// <summary>One report's Idempotency-Key → case id (see <see cref="IReportKeyGrain"/>).</summary>
public sealed class ReportKeyGrain(
    [PersistentState(ReportKeyGrain.StateName)] IPersistentState<ReportKeyGrain.Claimed> state) : Grain, IReportKeyGrain
{
    /// <summary>The name of the key's persistent state.</summary>
    public const string StateName = "reportKey";

    public async Task<string> Claim(string caseId)
    {
        if (state.State.CaseId is { Length: > 0 } stored) return stored;
        state.State.CaseId = caseId;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: forget it, so that a retry claims afresh (and this activation matches the store).
            await state.ReadStateAsync();
            throw;
        }
        return caseId;
    }

    /// <summary>The stored claim: the case id of the key's report.</summary>
    [GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.ReportKeyClaim")]
    public sealed class Claimed
    {
        public string? CaseId { get; set; }
    }
}
