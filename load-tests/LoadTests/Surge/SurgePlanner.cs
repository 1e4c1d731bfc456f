using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.LoadTests.Scenario;

namespace Dispatch.LoadTests.Surge;

/// <summary>Decides the whole surge from the seed: the whistles (time, grid, category, risk) and the silent departments.</summary>
public static class SurgePlanner
{
    public static IReadOnlyList<WhistlePlan> Whistles(SurgeOptions o, CityModel city)
    {
        var random = new Random(o.Seed);
        var offsets = ArrivalSchedule.OffsetsSeconds(o.Whistles, o.Duration.TotalSeconds, o.Arrivals, random);
        var grids = city.Grids;
        var categories = SurgeOptionsParser.CategoryNames.ToDictionary(p => p.Value, p => p.Key);
        var risks = SurgeOptionsParser.RiskNames.ToDictionary(p => p.Value, p => p.Key);
        var plans = new WhistlePlan[o.Whistles];
        for (var i = 0; i < plans.Length; i++)
        {
            var grid = grids[random.Next(grids.Count)];
            Category category = o.CategoryMix.Sample(random);
            RiskColour risk = o.RiskMix.Sample(random);
            plans[i] = new WhistlePlan(i, offsets[i] * 1000, grid.Id, city.TownshipOf(grid.Id).Id, categories[category], risks[risk]);
        }
        return plans;
    }

    /// <summary>round(share × departments) departments, chosen by the seed.</summary>
    public static IReadOnlySet<string> SilentDepartments(CityModel city, double share, int seed)
    {
        var ids = city.Departments.Select(d => d.Id).ToArray();
        new Random(seed ^ 0x5EED).Shuffle(ids);
        return ids.Take((int)Math.Round(share * ids.Length)).ToHashSet(StringComparer.Ordinal);
    }
}
