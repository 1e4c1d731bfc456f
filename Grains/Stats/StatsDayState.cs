using Orleans;
using Dispatch.Grains.Interfaces.Stats;

namespace Dispatch.Grains.Stats;

/// <summary>
/// The stored state of one (scope, local day) bucket: each contributing case's newest fact, by case id. A fact with
/// empty totals (the case's contribution vanished, e.g. its follow-up moved to a later day) is kept as a tombstone
/// carrying its version, so that a late older copy cannot bring the contribution back.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.StatsDayState")]
public sealed class StatsDayState
{
    public Dictionary<string, CaseDayFact> Cases { get; set; } = new(StringComparer.Ordinal);
}
