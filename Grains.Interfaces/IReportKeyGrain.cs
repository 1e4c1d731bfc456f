using Orleans;

namespace Dispatch.Grains.Interfaces;

/// <summary>
/// One report's Idempotency-Key, keyed by the reporting principal and the key (see <c>ReportKeys</c>): maps it durably to
/// the case id the first try chose, so a retry — after a lost answer, a dropped network or a silo restart — reports
/// under the same id and never creates a second case.
/// </summary>
[Alias("dispatch.IReportKeyGrain")]
public interface IReportKeyGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="caseId"/> for this key unless one is stored already; returns the stored one.</summary>
    Task<string> Claim(string caseId);
}
