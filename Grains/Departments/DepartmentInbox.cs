using Orleans;
using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Grains.Departments;

/// <summary>A department's stored inbox: open summonses plus the most recent closed ones.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Alias("dispatch.DepartmentInbox")]
public sealed class DepartmentInbox
{
    public Dictionary<string, SummonsView> Open { get; set; } = new(StringComparer.Ordinal);
    public List<SummonsView> RecentClosed { get; set; } = [];
}
