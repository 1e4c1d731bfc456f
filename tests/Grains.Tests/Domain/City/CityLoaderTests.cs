using System.Text.Json.Nodes;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Tests.Domain.City;

public sealed class CityLoaderTests
{
    private const string File = TestCity.FileName;

    [Fact]
    public void Load_TestCity_HasItsEntries()
    {
        var city = TestCity.Model;

        Assert.Equal(11, city.Centers.Count);
        Assert.Equal(74, city.Departments.Count);
        Assert.Equal(7, city.Grids.Count);
        Assert.Equal(2, city.Rotas.Count);
        Assert.Equal("tc", city.City.Id);
        Assert.EndsWith(File, city.SourceName);
    }

    [Fact]
    public void Lookups_FollowTheHierarchy()
    {
        var city = TestCity.Model;

        Assert.Equal("tc-a-t1", city.TownshipOf("tc-a-t1-g3").Id); // grid in a village
        Assert.Equal("tc-a-t2", city.TownshipOf("tc-a-t2-g1").Id); // grid at the township
        Assert.Equal("tc-b", city.CountyOf("tc-b-t1-v1")!.Id);
        Assert.Equal("tc-a", city.CountyOf("tc-a")!.Id);
        Assert.Null(city.CountyOf("tc"));
        Assert.Null(city.TownshipOfCenter("tc-b"));
        Assert.Equal("tc-a", city.Parent("tc-a-t3")!.Id);
        Assert.Null(city.Parent("tc"));
        Assert.Equal(["tc-a-t1", "tc-a-t2", "tc-a-t3"], city.Children("tc-a").Select(c => c.Id));
        Assert.Empty(city.Children("tc-a-t2"));
        Assert.Equal(["tc-a-t1-g1", "tc-a-t1-g2"], city.GridsAt("tc-a-t1-v1").Select(g => g.Id));
        Assert.Equal(["tc-a-law1", "tc-a-law2"], city.DepartmentsAt("tc-a", DepartmentKinds.LawFirm).Select(d => d.Id));
        Assert.Empty(city.DepartmentsAt("tc-b", DepartmentKinds.MedicalMediation));
        Assert.Equal(5, city.DepartmentsAt("tc-a-t1").Count);
        Assert.Equal(["tc-a-t1-v1", "tc-a-t1", "tc-a", "tc"], city.AncestorsAndSelf("tc-a-t1-v1").Select(c => c.Id));
    }

    [Fact]
    public void ParentDepartment_ClimbsCounterparts()
    {
        var city = TestCity.Model;

        Assert.Equal("tc-a-psb", city.ParentDepartment("tc-a-t1-pol")!.Id);
        Assert.Equal("tc-psb", city.ParentDepartment("tc-a-psb")!.Id);
        Assert.Null(city.ParentDepartment("tc-psb"));
    }

    [Fact]
    public void Lookups_UnknownIds_ThrowNamingTheId()
    {
        var city = TestCity.Model;

        Assert.Contains("'nope'", Assert.Throws<KeyNotFoundException>(() => city.GetCenter("nope")).Message);
        Assert.Throws<KeyNotFoundException>(() => city.TownshipOf("nope"));
        Assert.Throws<KeyNotFoundException>(() => city.Children("nope"));
        Assert.Throws<KeyNotFoundException>(() => city.GetDepartment("tc"));
        Assert.False(city.TryGetGrid("tc-a", out _));
        Assert.True(city.TryGetDepartment("tc-a-t1-tri", out var tribunal) && tribunal.Staffing == Staffing.Rotating);
    }

    [Fact]
    public void Parse_NoRoutingOrPolicySections_UsesDefaults()
    {
        Assert.Same(Dispatch.Grains.Domain.Routing.RoutingRules.Default, TestCity.Model.Routing);
        Assert.Equal(DeadlinePolicyOptions.Default, TestCity.Model.DeadlinePolicy);
    }

    [Fact]
    public void Parse_RoutingSection_ReplacesListedCategoriesOnly()
    {
        var city = CityLoader.Parse(TestCity.Mutated(r => r["routing"] = new JsonObject
        {
            ["wageArrears"] = new JsonArray("humanResources", "tradeUnion"),
        }), File);

        Assert.Equal(["humanResources", "tradeUnion"], city.Routing.KindsFor(Category.WageArrears));
        Assert.Equal(Dispatch.Grains.Domain.Routing.RoutingRules.Default.KindsFor(Category.Labour), city.Routing.KindsFor(Category.Labour));
    }

    [Fact]
    public void Parse_DeadlinePolicySection_OverridesOnlyWhatItNames()
    {
        var city = CityLoader.Parse(TestCity.Mutated(r => r["deadlinePolicy"] = JsonNode.Parse(
            """
            { "tiers": { "major": { "endOfWorkingDay": 10 }, "simple": { "workingTime": "PT4H" } },
              "summons": { "red": { "ack": { "elapsed": "PT5M" } }, "blue": { "arrive": { "calendar": "P1D" } } } }
            """)), File);
        var p = city.DeadlinePolicy;

        Assert.Equal(new EndOfWorkingDayDeadline(10), p.Major);
        Assert.Equal(new WorkingTimeDeadline(Duration.FromHours(4)), p.Simple);
        Assert.Equal(new ElapsedDeadline(Duration.FromMinutes(5)), p.Red.Ack);
        Assert.Equal(DeadlinePolicyOptions.Default.Red.Arrive, p.Red.Arrive);
        Assert.Equal(new CalendarPeriodDeadline(Period.FromDays(1)), p.Blue.Arrive);
        Assert.Equal(DeadlinePolicyOptions.Default.General, p.General);
        Assert.Equal(DeadlinePolicyOptions.Default.Triage, p.Triage);
    }

    [Fact]
    public void Parse_ExtraDepartmentKinds_ExtendTheKnownList()
    {
        var city = CityLoader.Parse(TestCity.Mutated(r =>
        {
            r["extraDepartmentKinds"] = new JsonArray("veteransAffairs");
            r["departments"]!.AsArray().Add(Department("tc-a-vet", "veteransAffairs", "tc-a"));
            r["routing"] = new JsonObject { ["other"] = new JsonArray("veteransAffairs", "judicialOffice") };
        }), File);

        Assert.True(city.IsKnownKind("veteransAffairs"));
        Assert.Equal(["tc-a-vet", "tc-a-t2-jud"], city.Route(Category.Other, "tc-a-t2").Select(d => d.Id));
    }

    // One test per error class; each asserts that the message names the file, the JSON path and the id.

    [Fact]
    public void Parse_DuplicateId_Throws()
    {
        var index = 0;
        var e = Fails(r =>
        {
            index = TestCity.IndexOf(r, "departments", "tc-a-t2-pol");
            r["departments"]![index]!["id"] = "tc-a-t2";
        });

        AssertNames(e, $"$.departments[{index}].id", "tc-a-t2");
        Assert.Contains("$.centers[5].id", e.Message);
    }

    [Fact]
    public void Parse_InvalidIdCharacters_Throws()
    {
        var e = Fails(r => r["grids"]![2]!["id"] = "tc-a-t1/g3");

        AssertNames(e, "$.grids[2].id", "tc-a-t1/g3");
    }

    [Fact]
    public void Parse_DanglingCenterParent_Throws()
    {
        var e = Fails(r => r["centers"]![2]!["parentId"] = "tc-x");

        AssertNames(e, "$.centers[2].parentId", "tc-a-t1");
        Assert.Contains("'tc-x'", e.Message);
    }

    [Fact]
    public void Parse_MissingParentOfNonCity_Throws()
    {
        var e = Fails(r => r["centers"]![4]!["parentId"] = null);

        AssertNames(e, "$.centers[4].parentId", "tc-a-t1-v2");
    }

    [Fact]
    public void Parse_DanglingGridCenter_Throws()
    {
        var e = Fails(r => r["grids"]![0]!["centerId"] = "tc-a-t9");

        AssertNames(e, "$.grids[0].centerId", "tc-a-t1-g1");
    }

    [Fact]
    public void Parse_GridAtCountyCenter_Throws()
    {
        var e = Fails(r => r["grids"]![6]!["centerId"] = "tc-b");

        AssertNames(e, "$.grids[6].centerId", "tc-b-t2-g1");
        Assert.Contains("township or village", e.Message);
    }

    [Fact]
    public void Parse_DanglingDepartmentCenter_Throws()
    {
        var e = Fails(r => r["departments"]![12]!["centerId"] = "tc-z");

        AssertNames(e, "$.departments[12].centerId", "tc-tu");
    }

    [Fact]
    public void Parse_DanglingParentDepartment_Throws()
    {
        var index = 0;
        var e = Fails(r =>
        {
            index = TestCity.IndexOf(r, "departments", "tc-b-t1-med");
            r["departments"]![index]!["parentDepartmentId"] = "tc-b-t1-nothing";
        });

        AssertNames(e, $"$.departments[{index}].parentDepartmentId", "tc-b-t1-med");
    }

    [Fact]
    public void Parse_CenterCycle_Throws()
    {
        var e = Fails(r => r["centers"]![2]!["parentId"] = "tc-a-t1-v1");

        AssertNames(e, "$.centers[2].parentId", "tc-a-t1");
        Assert.Contains("tc-a-t1 → tc-a-t1-v1 → tc-a-t1", e.Message);
    }

    [Fact]
    public void Parse_DepartmentCounterpartCycle_Throws()
    {
        var e = Fails(r => r["departments"]![0]!["parentDepartmentId"] = "tc-a-psb");

        AssertNames(e, "$.departments[0].parentDepartmentId", "tc-psb");
        Assert.Contains("tc-psb → tc-a-psb → tc-psb", e.Message);
    }

    [Fact]
    public void Parse_UnknownKind_Throws()
    {
        var e = Fails(r => r["departments"]![3]!["kind"] = "spaceAgency");

        AssertNames(e, "$.departments[3].kind", "tc-jus");
        Assert.Contains("spaceAgency", e.Message);
    }

    [Fact]
    public void Parse_MalformedExtraKind_Throws()
    {
        var e = Fails(r => r["extraDepartmentKinds"] = new JsonArray("Veterans-Affairs"));

        AssertNames(e, "$.extraDepartmentKinds[0]", "Veterans-Affairs");
    }

    [Fact]
    public void Parse_UnknownLevel_Throws()
    {
        var e = Fails(r => r["centers"]![1]!["level"] = "province");

        AssertNames(e, "$.centers[1].level", "tc-a");
        Assert.Contains("city, county, township, village", e.Message);
    }

    [Fact]
    public void Parse_UnknownStaffing_Throws()
    {
        var e = Fails(r => r["departments"]![20]!["staffing"] = "sometimes");

        AssertNames(e, "$.departments[20].staffing", "tc-a-hrs");
    }

    [Fact]
    public void Parse_LevelDoesNotMatchParent_Throws()
    {
        var e = Fails(r => r["centers"]![6]!["parentId"] = "tc");

        AssertNames(e, "$.centers[6].level", "tc-a-t3");
        Assert.Contains("must be under a county", e.Message);
    }

    [Fact]
    public void Parse_SecondCity_Throws()
    {
        var e = Fails(r =>
        {
            r["centers"]![7]!["level"] = "city";
            r["centers"]![7]!["parentId"] = null;
        });

        AssertNames(e, "$.centers[7].level", "tc-b");
    }

    [Fact]
    public void Parse_CountyWithoutRota_Throws()
    {
        var e = Fails(r => r["rotas"]!.AsArray().RemoveAt(1));

        AssertNames(e, "$.centers[7]", "tc-b");
        Assert.Contains("four-chiefs", e.Message);
    }

    [Fact]
    public void Parse_RotaMissingAChief_Throws()
    {
        var e = Fails(r => r["rotas"]![0]!["chiefs"]!.AsArray().RemoveAt(3));

        AssertNames(e, "$.rotas[0].chiefs", "tc-a");
        Assert.Contains("justiceDirector", e.Message);
    }

    [Fact]
    public void Parse_RotaRoleTwice_Throws()
    {
        var e = Fails(r => r["rotas"]![1]!["chiefs"]![2]!["role"] = "justiceDirector");

        AssertNames(e, "$.rotas[1].chiefs[2].role", "tc-b");
    }

    [Fact]
    public void Parse_RotaForTownship_Throws()
    {
        var e = Fails(r => r["rotas"]![1]!["countyId"] = "tc-b-t1");

        AssertNames(e, "$.rotas[1].countyId", "tc-b-t1");
    }

    [Fact]
    public void Parse_RoutingUnknownKind_Throws()
    {
        var e = Fails(r => r["routing"] = new JsonObject { ["wageArrears"] = new JsonArray("humanResources", "astrologer") });

        AssertNames(e, "$.routing.wageArrears[1]", "astrologer");
    }

    [Fact]
    public void Parse_RoutingUnknownCategory_Throws()
    {
        var e = Fails(r => r["routing"] = new JsonObject { ["noise"] = new JsonArray("policeStation") });

        Assert.Equal("$.routing.noise", e.JsonPath);
        Assert.Contains(File, e.Message);
    }

    [Fact]
    public void Parse_BadDeadlineDuration_Throws()
    {
        var e = Fails(r => r["deadlinePolicy"] = JsonNode.Parse("""{ "summons": { "red": { "ack": { "elapsed": "PT-5M" } } } }"""));

        Assert.Equal("$.deadlinePolicy.summons.red.ack.elapsed", e.JsonPath);
        Assert.Contains("PT-5M", e.Message);
    }

    [Fact]
    public void Parse_DeadlineRuleWithTwoClocks_Throws()
    {
        var e = Fails(r => r["deadlinePolicy"] = JsonNode.Parse("""{ "triage": { "elapsed": "PT1H", "endOfWorkingDay": 1 } }"""));

        Assert.Equal("$.deadlinePolicy.triage", e.JsonPath);
    }

    [Fact]
    public void Parse_UnknownProperty_Throws()
    {
        var e = Fails(r => r["departments"]![1]!["parentID"] = "tc");

        AssertNames(e, "$.departments[1].parentID", "tc-crt");
    }

    [Fact]
    public void Parse_MissingRequiredField_Throws()
    {
        var e = Fails(r => r["departments"]![5]!.AsObject().Remove("kind"));

        AssertNames(e, "$.departments[5].kind", "tc-hrs");
    }

    [Fact]
    public void Parse_WrongType_Throws()
    {
        var e = Fails(r => r["rotas"]![0]!["shiftDays"] = "one");

        AssertNames(e, "$.rotas[0].shiftDays", "tc-a");
    }

    [Fact]
    public void Parse_InvalidJson_ReportsFileAndLine()
    {
        var e = Assert.Throws<CityFileException>(() => CityLoader.Parse("{\n  \"centers\": [ { \"id\": \"tc\", }\n", File));

        Assert.StartsWith(File + ": ", e.Message);
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Load_ErrorNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"city-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, TestCity.Mutated(r => r["grids"]![0]!["centerId"] = "tc-a-t9"));
        try
        {
            var e = Assert.Throws<CityFileException>(() => CityLoader.Load(path));
            Assert.StartsWith(path + ": $.grids[0].centerId (id 'tc-a-t1-g1'): ", e.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private static CityFileException Fails(Action<JsonObject> change) =>
        Assert.Throws<CityFileException>(() => CityLoader.Parse(TestCity.Mutated(change), File));

    private static void AssertNames(CityFileException e, string path, string id)
    {
        Assert.Equal(path, e.JsonPath);
        Assert.Equal(id, e.EntryId);
        Assert.Equal(File, e.FileName);
        Assert.StartsWith($"{File}: {path} (id '{id}'): ", e.Message);
    }

    private static JsonObject Department(string id, string kind, string centerId) => new()
    {
        ["id"] = id,
        ["name"] = id,
        ["kind"] = kind,
        ["centerId"] = centerId,
        ["parentDepartmentId"] = null,
        ["staffing"] = "onCall",
    };
}
