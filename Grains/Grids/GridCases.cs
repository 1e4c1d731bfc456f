using Orleans;
using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Grains.Grids;

/// <summary>A grid's stored cases: open summaries and the versions and outcomes of every case seen.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.GridCases")]
public sealed class GridCases
{
    public Dictionary<string, CaseSummary> Open { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Versions { get; set; } = new(StringComparer.Ordinal);
    public HashSet<string> Resolved { get; set; } = new(StringComparer.Ordinal);
}
