using NodaTime;

namespace Dispatch.Grains.Stats;

/// <summary>The stored state of a scope's day index for one year: the days with buckets, ascending.</summary>
public sealed class StatsIndexState
{
    public List<LocalDate> Days { get; set; } = [];
}
