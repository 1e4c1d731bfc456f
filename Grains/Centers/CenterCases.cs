using Orleans;
using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Grains.Centers;

/// <summary>A center's stored case list: the cases it handles now (open) and the most recent closed ones.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.CenterCases")]
public sealed class CenterCases
{
    public Dictionary<string, CaseSummary> Open { get; set; } = new(StringComparer.Ordinal);
    public List<CaseSummary> RecentClosed { get; set; } = [];

    /// <summary>The newest version seen of each case that moved away, so a late copy does not bring it back.</summary>
    public Dictionary<string, int> MovedAway { get; set; } = new(StringComparer.Ordinal);
}
