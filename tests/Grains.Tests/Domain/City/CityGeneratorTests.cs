using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Tests.Domain.City;

public sealed class CityGeneratorTests
{
    private static readonly CitySpec Small = CitySpec.WithDefaultKinds(
        "sc", "小城市", [new CountySpec("a", "甲区", 3), new CountySpec("b", "乙旗", 2)], villagesPerTownship: 4, grids: 37);

    [Fact]
    public void Generate_CountsMatchSpec()
    {
        var city = CityGenerator.Generate(Small, seed: 1);

        Assert.Equal(1, Count(city, CenterLevel.City));
        Assert.Equal(2, Count(city, CenterLevel.County));
        Assert.Equal(5, Count(city, CenterLevel.Township));
        Assert.Equal(20, Count(city, CenterLevel.Village));
        Assert.Equal(37, city.Grids.Count);
        Assert.Equal(2, city.Rotas.Count);
        Assert.Equal(1, Kind(city, DepartmentKinds.Tribunal)); // round(0.22 × 5)
        Assert.Equal(3, Kind(city, DepartmentKinds.LandManagement)); // round(0.5 × 5), away from zero
        Assert.Equal(5, Kind(city, DepartmentKinds.PoliceStation));
        var expected = CitySpec.DefaultCityKinds.Count + (2 * CitySpec.DefaultCountyKinds.Count) + (5 * 3) + 1 + 3;
        Assert.Equal(expected, city.Departments.Count);
        Assert.All(city.Grids, g => Assert.Equal(CenterLevel.Village, city.GetCenter(g.CenterId).Level));
        Assert.All(city.Centers.Where(c => c.Level == CenterLevel.Township), t => Assert.NotEmpty(city.GridsAt(city.Children(t.Id)[0].Id)));
    }

    [Fact]
    public void Generate_IdsFollowTheScheme()
    {
        var city = CityGenerator.Generate(Small, seed: 1);

        Assert.True(city.TryGetCenter("sc-a-t03", out var township) && township.ParentId == "sc-a");
        Assert.True(city.TryGetCenter("sc-b-t02-v04", out _));
        Assert.True(city.TryGetDepartment("sc-a-t03-pol", out var police) && police.Kind == DepartmentKinds.PoliceStation);
        Assert.Contains(city.Grids, g => g.Id == "sc-a-t01-g001");
        Assert.EndsWith("派出所", police.Name);
    }

    [Fact]
    public void Generate_TownshipNamesFollowCountyKind()
    {
        var city = CityGenerator.Generate(Small, seed: 3);

        Assert.All(city.Children("sc-a"), t => Assert.Matches("(街道|镇)$", t.Name));
        Assert.All(city.Children("sc-b"), t => Assert.Matches("(镇|苏木)$", t.Name));
        Assert.Equal(city.Centers.Count, city.Centers.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_CounterpartsClimbOneLevel()
    {
        var city = CityGenerator.Generate(Small, seed: 1);

        Assert.Equal("sc-a-psb", city.ParentDepartment("sc-a-t01-pol")!.Id);
        Assert.Equal("sc-psb", city.ParentDepartment("sc-a-psb")!.Id);
        Assert.Equal("sc-a-jus", city.ParentDepartment("sc-a-t01-med")!.Id);
        Assert.Equal("sc-a-jus", city.ParentDepartment("sc-a-t01-jud")!.Id);
        Assert.Equal("sc-jus", city.ParentDepartment("sc-b-mmed")!.Id);
        var tribunal = city.Departments.Single(d => d.Kind == DepartmentKinds.Tribunal);
        Assert.Equal(DepartmentKinds.Court, city.ParentDepartment(tribunal.Id)!.Kind);
        Assert.All(city.Departments.Where(d => d.CenterId != "sc"), d => Assert.NotNull(d.ParentDepartmentId));
    }

    [Fact]
    public void Generate_EveryCountyHasACompleteRota()
    {
        var city = CityGenerator.Generate(Small, seed: 1);

        Assert.All(city.Rotas, r => Assert.Equal(Enum.GetValues<DutyRole>(), r.Chiefs.Select(c => c.Role)));
    }

    [Fact]
    public void Generate_WithoutVillages_GridsBelongToTownships()
    {
        var city = CityGenerator.Generate(Small with { VillagesPerTownship = 0 }, seed: 1);

        Assert.Equal(0, Count(city, CenterLevel.Village));
        Assert.All(city.Grids, g => Assert.Equal(CenterLevel.Township, city.GetCenter(g.CenterId).Level));
    }

    [Fact]
    public void Generate_SameSeed_SameFile_OtherSeed_OtherFile()
    {
        var first = CityGenerator.ToJson(CityGenerator.Generate(Small, 7));

        Assert.Equal(first, CityGenerator.ToJson(CityGenerator.Generate(Small, 7)));
        Assert.NotEqual(first, CityGenerator.ToJson(CityGenerator.Generate(Small, 8)));
    }

    [Fact]
    public void WriteJson_LoadsBackToTheSameCity()
    {
        var generated = CityGenerator.Generate(Small, 5);
        var loaded = CityLoader.Parse(CityGenerator.ToJson(generated, "round trip"), "roundtrip.json");

        Assert.Equal(generated.Centers, loaded.Centers);
        Assert.Equal(generated.Grids, loaded.Grids);
        Assert.Equal(generated.Departments, loaded.Departments);
        Assert.Equal(generated.DeadlinePolicy, loaded.DeadlinePolicy);
        Assert.Equal(generated.Routing.Kinds.ToDictionary(p => p.Key, p => string.Join(",", p.Value)),
            loaded.Routing.Kinds.ToDictionary(p => p.Key, p => string.Join(",", p.Value)));
        Assert.Equal(generated.Rotas.Select(r => (r.CountyId, r.Start, r.Handover, r.ShiftDays, string.Join(",", r.Chiefs))),
            loaded.Rotas.Select(r => (r.CountyId, r.Start, r.Handover, r.ShiftDays, string.Join(",", r.Chiefs))));
    }

    [Fact]
    public void WriteJson_TestCity_LoadsBack()
    {
        var loaded = CityLoader.Parse(CityGenerator.ToJson(TestCity.Model), "copy.json");

        Assert.Equal(TestCity.Model.Departments, loaded.Departments);
        Assert.Equal(TestCity.Model.Centers, loaded.Centers);
    }

    [Theory]
    [InlineData(4)] // fewer grids than townships
    [InlineData(-1)]
    public void Generate_TooFewGrids_Throws(int grids) =>
        Assert.Throws<ArgumentException>(() => CityGenerator.Generate(Small with { Grids = grids }, 1));

    [Fact]
    public void Generate_InvalidSpec_Throws()
    {
        Assert.Throws<ArgumentException>(() => CityGenerator.Generate(Small with { CountyKinds = ["spaceAgency"] }, 1));
        Assert.Throws<ArgumentException>(() => CityGenerator.Generate(Small with { Counties = [new("a", "甲区", 1), new("a", "乙区", 1)] }, 1));
        Assert.Throws<ArgumentException>(() => CityGenerator.Generate(Small with { Counties = [new("A!", "甲区", 1)] }, 1));
        Assert.Throws<ArgumentException>(() => CityGenerator.Generate(Small with { OptionalTownshipKinds = [new(DepartmentKinds.Tribunal, 1.5)] }, 1));
    }

    private static int Count(CityModel city, CenterLevel level) => city.Centers.Count(c => c.Level == level);

    private static int Kind(CityModel city, string kind) => city.Departments.Count(d => d.Kind == kind);
}
