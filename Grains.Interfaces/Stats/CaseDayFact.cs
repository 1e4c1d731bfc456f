using Orleans;
namespace Dispatch.Grains.Interfaces.Stats;

/// <summary>
/// What one case contributes to one scope on one local day, as of case version <see cref="Version"/>: the message a
/// case's outbox delivers to that (scope, day) bucket. A bucket keeps the newest version per case, so re-deliveries
/// and late copies are harmless; empty <see cref="Totals"/> mean the case no longer contributes there.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseDayFact")]
public sealed record CaseDayFact(string CaseId, int Version, StatsTotals Totals);
