using Dispatch.Grains.Domain.Routing;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Tests.Domain.City;

namespace Dispatch.Grains.Tests.Domain.Routing;

public sealed class RoutingRulesTests
{
    private static readonly RoutingRules Rules = RoutingRules.Default;

    [Fact]
    public void Route_TownshipHasEveryKind_AllLocal()
    {
        var route = Rules.Route(Category.NeighbourDispute, "tc-a-t1", TestCity.Model);

        Assert.Equal(["tc-a-t1-jud", "tc-a-t1-med", "tc-a-t1-pol"], route.Select(d => d.Id));
        Assert.All(route, d => Assert.Equal(CenterLevel.Township, d.Level));
    }

    [Fact]
    public void Route_KindMissingAtTownship_FallsBackToCounty()
    {
        var route = Rules.Route(Category.NeighbourDispute, "tc-b-t2", TestCity.Model);

        Assert.Equal(["tc-b-t2-jud", "tc-b-med", "tc-b-t2-pol"], route.Select(d => d.Id));
        Assert.Equal(CenterLevel.County, route[1].Level);
        Assert.Equal("tc-b", route[1].CenterId);
    }

    [Fact]
    public void Route_KindMissingAtTownshipAndCounty_FallsBackToCity()
    {
        var route = Rules.Route(Category.MedicalDispute, "tc-b-t1", TestCity.Model);

        Assert.Equal(["tc-mmed", "tc-b-hlt", "tc-b-t1-jud", "tc-b-t1-pol"], route.Select(d => d.Id));
        Assert.Equal(new DepartmentRef("tc-mmed", "测试市医疗纠纷人民调解委员会", DepartmentKinds.MedicalMediation, "tc", CenterLevel.City), route[0]);
    }

    [Fact]
    public void Route_KindNobodyHas_IsSkipped()
    {
        // Only 东街道 has a people's tribunal; 西街道 falls back to nothing (the county has a court, not a tribunal).
        Assert.Equal(["tc-a-hrs", "tc-a-t1-jud", "tc-a-lmed", "tc-a-t1-tri", "tc-a-tu"],
            Rules.Route(Category.WageArrears, "tc-a-t1", TestCity.Model).Select(d => d.Id));
        Assert.Equal(["tc-a-hrs", "tc-a-t2-jud", "tc-a-lmed", "tc-a-tu"],
            Rules.Route(Category.WageArrears, "tc-a-t2", TestCity.Model).Select(d => d.Id));
    }

    [Fact]
    public void Route_SeveralOfAKind_TakesTheFirstInFileOrder() =>
        Assert.Equal(["tc-a-lsv", "tc-a-t3-jud", "tc-a-law1"],
            Rules.Route(Category.Consultation, "tc-a-t3", TestCity.Model).Select(d => d.Id));

    [Fact]
    public void Route_SameDepartmentTwice_ListedOnce()
    {
        var rules = Rules.With(Category.Other, [DepartmentKinds.JudicialOffice, DepartmentKinds.Counselling, DepartmentKinds.JudicialOffice, DepartmentKinds.CivilAffairs]);

        Assert.Equal(["tc-a-t1-jud", "tc-a-civ"], rules.Route(Category.Other, "tc-a-t1", TestCity.Model).Select(d => d.Id));
    }

    [Fact]
    public void Route_FromVillage_SearchesVillageThenTownship() =>
        Assert.Equal(
            Rules.Route(Category.SafetyHazard, "tc-a-t1", TestCity.Model),
            Rules.Route(Category.SafetyHazard, "tc-a-t1-v2", TestCity.Model));

    [Fact]
    public void Route_UnknownCenter_Throws() =>
        Assert.Throws<ArgumentException>(() => Rules.Route(Category.Other, "tc-nowhere", TestCity.Model));

    [Fact]
    public void Default_EveryCategoryHasThreeToSixKnownKinds()
    {
        foreach (var category in Enum.GetValues<Category>())
        {
            var kinds = Rules.KindsFor(category);
            Assert.True(kinds.Count is >= 3 and <= 6, $"{category} has {kinds.Count} kinds");
            Assert.All(kinds, k => Assert.True(DepartmentKinds.IsKnown(k), $"{category}: unknown kind {k}"));
            Assert.Equal(kinds.Count, kinds.Distinct().Count());
        }
    }

    [Fact]
    public void Route_TestCity_CountyADoesNotNeedTheCityForAnyDefaultKind()
    {
        var needed = Enum.GetValues<Category>().SelectMany(Rules.KindsFor).Distinct()
            .Except([DepartmentKinds.Tribunal, DepartmentKinds.LandManagement, DepartmentKinds.PoliceStation,
                DepartmentKinds.JudicialOffice, DepartmentKinds.MediationCommittee]);

        Assert.All(needed, k => Assert.NotEmpty(TestCity.Model.DepartmentsAt("tc-a", k)));
    }

    [Fact]
    public void Route_Baotou_EveryCategoryAtEveryTownshipYieldsThreeToSixDistinctDepartments()
    {
        var city = TestCity.Baotou;
        foreach (var township in city.Centers.Where(c => c.Level == CenterLevel.Township))
        {
            foreach (var category in Enum.GetValues<Category>())
            {
                var route = city.Route(category, township.Id);
                Assert.True(route.Count is >= 3 and <= 6, $"{category} at {township.Id} yields {route.Count}");
                Assert.Equal(route.Count, route.Select(d => d.Id).Distinct().Count());
                Assert.All(route, d => Assert.Contains(d.CenterId, city.AncestorsAndSelf(township.Id).Select(c => c.Id)));
            }
        }
    }
}
