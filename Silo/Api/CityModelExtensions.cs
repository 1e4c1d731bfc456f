using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Silo.Api;

public static class CityModelExtensions
{
    /// <summary>A center and every center under it, depth first; villages left out when <paramref name="withVillages"/> is false.</summary>
    public static IReadOnlyList<CenterDef> SelfAndDescendants(this CityModel city, string centerId, bool withVillages = true)
    {
        var result = new List<CenterDef>();
        var pending = new Stack<CenterDef>([city.GetCenter(centerId)]);
        while (pending.TryPop(out var center))
        {
            if (!withVillages && center.Level == CenterLevel.Village)
                continue;
            result.Add(center);
            foreach (var child in city.Children(center.Id).Reverse())
                pending.Push(child);
        }
        return result;
    }
}
