using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Silo.Open311;

/// <summary>
/// Which grid an Open311 request goes to. The city file has no geometry, so a point (lat/long) alone places nothing;
/// in order: <c>address_id</c> naming a grid id; the grid, then the community (village), then the township whose name
/// the <c>address_string</c> contains (the longest name wins); last, for a township-scoped client, the township's
/// default grid (its first). Only grids within the client's scope are considered. Pure.
/// </summary>
public static class Open311Placement
{
    /// <summary>The grid id, or why the request cannot be placed.</summary>
    public static (string? GridId, string? Error) Place(CityModel city, string scope, string? addressId, string? addressString)
    {
        var inScope = city.Grids.Where(g => city.AncestorsAndSelf(g.CenterId).Any(c => c.Id == scope)).ToList();
        if (!string.IsNullOrWhiteSpace(addressId))
        {
            return inScope.FirstOrDefault(g => g.Id == addressId.Trim()) is { } grid
                ? (grid.Id, null)
                : (null, $"address_id '{addressId}' is not a grid of {scope}.");
        }
        if (!string.IsNullOrWhiteSpace(addressString))
        {
            if (Longest(inScope, g => g.Name, addressString) is { } byGrid) return (byGrid.Id, null);
            var centers = inScope.SelectMany(g => city.AncestorsAndSelf(g.CenterId))
                .Where(c => c.Level is CenterLevel.Village or CenterLevel.Township).DistinctBy(c => c.Id).ToList();
            foreach (var level in new[] { CenterLevel.Village, CenterLevel.Township })
            {
                if (Longest(centers.Where(c => c.Level == level), c => c.Name, addressString) is { } center)
                    return (DefaultGrid(city, inScope, center.Id), null);
            }
        }
        if (city.TryGetCenter(scope, out var own) && own.Level == CenterLevel.Township && inScope.Count > 0)
            return (inScope[0].Id, null);
        return (null, $"The request cannot be placed in a grid of {scope}: give address_id (a grid id) or an address_string naming a grid, community or township.");
    }

    private static T? Longest<T>(IEnumerable<T> items, Func<T, string> name, string text) where T : class =>
        items.Where(i => name(i).Length > 0 && text.Contains(name(i), StringComparison.Ordinal)).MaxBy(i => name(i).Length);

    /// <summary>The first grid at or below <paramref name="centerId"/>.</summary>
    private static string DefaultGrid(CityModel city, IReadOnlyList<GridDef> grids, string centerId) =>
        grids.First(g => city.AncestorsAndSelf(g.CenterId).Any(c => c.Id == centerId)).Id;
}
