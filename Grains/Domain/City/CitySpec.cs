using NodaTime;
using static Dispatch.Grains.Interfaces.Model.DepartmentKinds;

namespace Dispatch.Grains.Domain.City;

/// <summary>What <see cref="CityGenerator"/> generates.</summary>
/// <param name="Id">The city center's id and the prefix of every id, e.g. <c>bt</c>.</param>
/// <param name="Name">The city's name, e.g. 包头市.</param>
/// <param name="Counties">The counties, in order.</param>
/// <param name="VillagesPerTownship">Villages or communities under each township, 0 or more; with 0, grids belong to the townships.</param>
/// <param name="Grids">Grids in the whole city, at least one per township; spread unevenly over townships (seeded) and round-robin over each township's villages.</param>
/// <param name="CityKinds">Department kinds at the city center.</param>
/// <param name="CountyKinds">Department kinds at every county center.</param>
/// <param name="TownshipKinds">Department kinds at every township center.</param>
/// <param name="OptionalTownshipKinds">Department kinds at some townships.</param>
/// <param name="RotaStart">The first hand-over date of every county's four-chiefs rota (daily, 08:30).</param>
public sealed record CitySpec(
    string Id,
    string Name,
    IReadOnlyList<CountySpec> Counties,
    int VillagesPerTownship,
    int Grids,
    IReadOnlyList<string> CityKinds,
    IReadOnlyList<string> CountyKinds,
    IReadOnlyList<string> TownshipKinds,
    IReadOnlyList<OptionalKind> OptionalTownshipKinds,
    LocalDate RotaStart)
{
    /// <summary>The seed <c>Data/city-baotou.json</c> was generated with.</summary>
    public const int BaotouSeed = 20251122;

    /// <summary>The bureaus at city level.</summary>
    public static IReadOnlyList<string> DefaultCityKinds { get; } =
    [
        PublicSecurityBureau, Court, Procuratorate, JusticeBureau, PetitionOffice, HumanResources, Housing,
        CivilAffairs, MarketRegulation, UrbanManagement, NaturalResources, HealthCommission, TradeUnion, WomensFederation,
    ];

    /// <summary>The city bureaus plus professional mediation committees and legal services at county level.</summary>
    public static IReadOnlyList<string> DefaultCountyKinds { get; } =
    [
        .. DefaultCityKinds,
        MedicalMediation, TrafficMediation, LabourMediation, FamilyMediation, PropertyMediation, LegalService, LawFirm,
    ];

    /// <summary>Police station, judicial office and mediation committee in every township.</summary>
    public static IReadOnlyList<string> DefaultTownshipKinds { get; } = [PoliceStation, JudicialOffice, MediationCommittee];

    /// <summary>A people's tribunal in about 22 % of townships (Baotou has 19 for 86), land management in half.</summary>
    public static IReadOnlyList<OptionalKind> DefaultOptionalTownshipKinds { get; } =
        [new(Tribunal, 0.22), new(LandManagement, 0.5)];

    /// <summary>
    /// Baotou (包头市) as described in DOMAIN.md: 9 real districts, banners and counties, 86 townships and
    /// streets (generated names), 10 villages or communities each, 4,206 grids.
    /// </summary>
    public static CitySpec Baotou { get; } = new(
        "bt",
        "包头市",
        [
            new("kdl", "昆都仑区", 14),
            new("qs", "青山区", 11),
            new("dh", "东河区", 13),
            new("jy", "九原区", 9),
            new("sg", "石拐区", 5),
            new("by", "白云鄂博矿区", 2),
            new("tmy", "土默特右旗", 10),
            new("gy", "固阳县", 7),
            new("dm", "达尔罕茂明安联合旗", 15),
        ],
        VillagesPerTownship: 10,
        Grids: 4206,
        DefaultCityKinds,
        DefaultCountyKinds,
        DefaultTownshipKinds,
        DefaultOptionalTownshipKinds,
        new LocalDate(2026, 1, 1));

    /// <summary>A spec with the default department kinds.</summary>
    public static CitySpec WithDefaultKinds(string id, string name, IReadOnlyList<CountySpec> counties, int villagesPerTownship, int grids) =>
        new(id, name, counties, villagesPerTownship, grids, DefaultCityKinds, DefaultCountyKinds, DefaultTownshipKinds,
            DefaultOptionalTownshipKinds, new LocalDate(2026, 1, 1));
}
