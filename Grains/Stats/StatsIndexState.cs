using Orleans;
using NodaTime;

namespace Dispatch.Grains.Stats;

/// <summary>The stored state of a scope's day index for one year: the days with buckets, ascending.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.StatsIndexState")]
public sealed class StatsIndexState
{
    public List<LocalDate> Days { get; set; } = [];
}
