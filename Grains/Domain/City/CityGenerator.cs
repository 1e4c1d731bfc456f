using System.Globalization;
using System.Text;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;
using static Dispatch.Grains.Interfaces.Model.DepartmentKinds;

namespace Dispatch.Grains.Domain.City;

/// <summary>
/// Generates a valid city from a <see cref="CitySpec"/> and a seed (same spec and seed, same city, byte
/// for byte once written), and writes city files. Ids: city <c>bt</c>, county <c>bt-kdl</c>, township
/// <c>bt-kdl-t03</c>, village <c>bt-kdl-t03-v05</c>, grid <c>bt-kdl-t03-g017</c> (numbered per township),
/// department <c>{centerId}-{code}</c> such as <c>bt-kdl-t03-pol</c>.
/// </summary>
/// <remarks>
/// Counterparts (<see cref="DepartmentDef.ParentDepartmentId"/>): the department of the same kind at the
/// parent center, else of the counterpart kind there (police station → public security bureau; judicial
/// office, mediation committees, legal services and law firms → justice bureau; tribunal → court; land
/// management → natural resources; counselling → health commission), else none. City departments have none.
/// </remarks>
public static class CityGenerator
{
    /// <summary>The source name of generated models.</summary>
    public const string GeneratedSourceName = "<generated>";

    private static readonly LocalTime Handover = new(8, 30);

    /// <summary>Generates a city.</summary>
    /// <param name="spec">What to generate.</param>
    /// <param name="seed">Any integer; it fixes names, grid counts and which townships get optional kinds.</param>
    /// <exception cref="ArgumentException">The spec is invalid: a bad id or code, duplicate county codes, no counties,
    /// a county without townships, negative villages, fewer grids than townships, an unknown or repeated kind,
    /// a share outside 0 to 1.</exception>
    public static CityModel Generate(CitySpec spec, int seed)
    {
        Validate(spec);
        var random = new Random(seed);
        var centers = new List<CenterDef>();
        var departments = new List<DepartmentDef>();
        var grids = new List<GridDef>();
        var rotas = new List<RotaDef>();

        var city = new CenterDef(spec.Id, spec.Name, CenterLevel.City, null);
        centers.Add(city);
        AddDepartments(departments, city, spec.CityKinds, parent: null);

        var townshipCount = spec.Counties.Sum(c => c.Townships);
        var gridCounts = SpreadGrids(spec.Grids, townshipCount, random);
        var optional = spec.OptionalTownshipKinds
            .Select(o => (o.Kind, Townships: PickTownships(o.Share, townshipCount, random)))
            .ToList();
        var usedTownshipNames = new HashSet<string>(StringComparer.Ordinal);
        var townshipIndex = 0;

        foreach (var countySpec in spec.Counties)
        {
            var county = new CenterDef($"{spec.Id}-{countySpec.Code}", countySpec.Name, CenterLevel.County, city.Id);
            centers.Add(county);
            AddDepartments(departments, county, spec.CountyKinds, city);
            rotas.Add(new RotaDef(county.Id, spec.RotaStart, Handover, 1,
                Enum.GetValues<DutyRole>().Select(role => new DutyChief(role, PersonName(random))).ToArray()));

            for (var t = 1; t <= countySpec.Townships; t++, townshipIndex++)
            {
                var suffix = CityNames.TownshipSuffix(countySpec.Name, random);
                var township = new CenterDef(
                    $"{county.Id}-t{Number(t, countySpec.Townships)}",
                    UniqueName(random, suffix, usedTownshipNames),
                    CenterLevel.Township,
                    county.Id);
                centers.Add(township);
                var kinds = spec.TownshipKinds
                    .Concat(optional.Where(o => o.Townships.Contains(townshipIndex)).Select(o => o.Kind))
                    .ToList();
                AddDepartments(departments, township, kinds, county);

                var villages = AddVillages(centers, township, spec.VillagesPerTownship, CityNames.VillageSuffix(suffix), random);
                AddGrids(grids, township, villages, gridCounts[townshipIndex]);
            }
        }

        return CityModel.Create(centers, grids, departments, rotas, sourceName: GeneratedSourceName);

        void AddDepartments(List<DepartmentDef> list, CenterDef center, IEnumerable<string> kinds, CenterDef? parent)
        {
            foreach (var kind in kinds)
            {
                list.Add(new DepartmentDef(
                    $"{center.Id}-{CityNames.Code(kind)}",
                    CityNames.Department(kind, center.Name, center.Level == CenterLevel.City, center.Level == CenterLevel.Township),
                    kind,
                    center.Id,
                    parent is null ? null : Counterpart(list, parent.Id, kind),
                    StaffingOf(kind)));
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="city"/> as a city file (UTF-8, two-space indent, LF line ends, Chinese unescaped).
    /// <see cref="CityLoader.Parse"/> reads it back to an equal model.
    /// </summary>
    /// <param name="city">The city.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="comment">Written as the file's <c>$comment</c> when given.</param>
    public static void WriteJson(CityModel city, Stream stream, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(stream);
        CityFileWriter.Write(city, stream, comment);
    }

    /// <summary>Writes <paramref name="city"/> to a file, replacing it.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteJson(CityModel city, string path, string? comment = null)
    {
        using var stream = File.Create(path);
        WriteJson(city, stream, comment);
    }

    /// <summary>The city file text of <paramref name="city"/>.</summary>
    public static string ToJson(CityModel city, string? comment = null)
    {
        using var stream = new MemoryStream();
        WriteJson(city, stream, comment);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Validate(CitySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!Identifiers.Ids.IsValid(spec.Id) || spec.Id.Length > 16)
        {
            throw new ArgumentException($"The city id '{spec.Id}' must be a valid id of at most 16 characters.", nameof(spec));
        }

        if (spec.Counties.Count == 0)
        {
            throw new ArgumentException("A city needs at least one county.", nameof(spec));
        }

        if (spec.Counties.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != spec.Counties.Count)
        {
            throw new ArgumentException("County codes must be unique.", nameof(spec));
        }

        foreach (var county in spec.Counties)
        {
            if (string.IsNullOrEmpty(county.Code) || county.Code.Length > 8
                || !county.Code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            {
                throw new ArgumentException($"The county code '{county.Code}' must be 1 to 8 lower-case ASCII letters or digits.", nameof(spec));
            }

            if (county.Townships is < 1 or > 999)
            {
                throw new ArgumentException($"County '{county.Code}' must have 1 to 999 townships.", nameof(spec));
            }
        }

        if (spec.VillagesPerTownship is < 0 or > 999)
        {
            throw new ArgumentException("VillagesPerTownship must be 0 to 999.", nameof(spec));
        }

        var townships = spec.Counties.Sum(c => c.Townships);
        if (spec.Grids < townships || spec.Grids > townships * 999)
        {
            throw new ArgumentException($"Grids must be between the number of townships ({townships}) and 999 per township.", nameof(spec));
        }

        CheckKinds(spec.CityKinds, "CityKinds");
        CheckKinds(spec.CountyKinds, "CountyKinds");
        CheckKinds(spec.TownshipKinds.Concat(spec.OptionalTownshipKinds.Select(o => o.Kind)).ToList(), "TownshipKinds and OptionalTownshipKinds");
        if (spec.OptionalTownshipKinds.Any(o => o.Share is < 0 or > 1 || double.IsNaN(o.Share)))
        {
            throw new ArgumentException("Every optional kind's share must be between 0 and 1.", nameof(spec));
        }

        static void CheckKinds(IReadOnlyList<string> kinds, string what)
        {
            if (kinds.FirstOrDefault(k => !IsKnown(k)) is { } unknown)
            {
                throw new ArgumentException($"{what}: unknown department kind '{unknown}'.", nameof(spec));
            }

            if (kinds.Distinct(StringComparer.Ordinal).Count() != kinds.Count)
            {
                throw new ArgumentException($"{what}: a kind is listed twice.", nameof(spec));
            }
        }
    }

    /// <summary>Every township gets one grid, the rest goes by random weights 0.6 to 1.4 (largest remainder).</summary>
    private static int[] SpreadGrids(int total, int townships, Random random)
    {
        var weights = Enumerable.Range(0, townships).Select(_ => 0.6 + (0.8 * random.NextDouble())).ToArray();
        var spare = total - townships;
        var shares = weights.Select(w => spare * w / weights.Sum()).ToArray();
        var counts = shares.Select(s => 1 + (int)Math.Floor(s)).ToArray();
        var left = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, townships).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i).Take(left))
        {
            counts[i]++;
        }

        return counts;
    }

    private static HashSet<int> PickTownships(double share, int townships, Random random)
    {
        var order = Enumerable.Range(0, townships).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var count = (int)Math.Round(share * townships, MidpointRounding.AwayFromZero);
        return order.Take(count).ToHashSet();
    }

    private static List<CenterDef> AddVillages(List<CenterDef> centers, CenterDef township, int count, string suffix, Random random)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var villages = new List<CenterDef>();
        for (var v = 1; v <= count; v++)
        {
            var village = new CenterDef($"{township.Id}-v{Number(v, count)}", UniqueName(random, suffix, used), CenterLevel.Village, township.Id);
            villages.Add(village);
            centers.Add(village);
        }

        return villages;
    }

    private static void AddGrids(List<GridDef> grids, CenterDef township, List<CenterDef> villages, int count)
    {
        var width = Math.Max(3, count.ToString(CultureInfo.InvariantCulture).Length);
        for (var g = 0; g < count; g++)
        {
            var id = $"{township.Id}-g{(g + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}";
            if (villages.Count == 0)
            {
                grids.Add(new GridDef(id, $"{township.Name}第{g + 1}网格", township.Id));
            }
            else
            {
                var village = villages[g % villages.Count];
                grids.Add(new GridDef(id, $"{village.Name}第{(g / villages.Count) + 1}网格", village.Id));
            }
        }
    }

    /// <summary>A random place word plus suffix not yet in <paramref name="used"/>; after many collisions, two words.</summary>
    private static string UniqueName(Random random, string suffix, HashSet<string> used)
    {
        var words = CityNames.PlaceWords;
        for (var attempt = 0; ; attempt++)
        {
            var word = words[random.Next(words.Count)];
            if (attempt >= 20)
            {
                word += words[random.Next(words.Count)];
            }

            var name = word + suffix;
            if (used.Add(name))
            {
                return name;
            }
        }
    }

    private static string PersonName(Random random) =>
        CityNames.Surnames[random.Next(CityNames.Surnames.Count)] + CityNames.GivenNames[random.Next(CityNames.GivenNames.Count)];

    private static string Number(int n, int count)
    {
        var width = Math.Max(2, count.ToString(CultureInfo.InvariantCulture).Length);
        return n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }

    private static string? Counterpart(List<DepartmentDef> existing, string parentCenterId, string kind)
    {
        var upper = kind switch
        {
            PoliceStation => PublicSecurityBureau,
            Tribunal => Court,
            LandManagement => NaturalResources,
            Counselling => HealthCommission,
            JudicialOffice or MediationCommittee or MedicalMediation or TrafficMediation or LabourMediation
                or FamilyMediation or PropertyMediation or LegalService or LawFirm => JusticeBureau,
            _ => null,
        };
        var atParent = existing.Where(d => d.CenterId == parentCenterId).ToList();
        return (atParent.FirstOrDefault(d => d.Kind == kind) ?? atParent.FirstOrDefault(d => d.Kind == upper))?.Id;
    }

    private static Staffing StaffingOf(string kind) => kind switch
    {
        PoliceStation or JudicialOffice or MediationCommittee or JusticeBureau or PetitionOffice or HumanResources
            or PublicSecurityBureau or MedicalMediation or TrafficMediation or LabourMediation or FamilyMediation
            or PropertyMediation or LegalService => Staffing.Resident,
        Court or Procuratorate or Tribunal or Housing or CivilAffairs or MarketRegulation or UrbanManagement
            or NaturalResources or LandManagement or HealthCommission => Staffing.Rotating,
        _ => Staffing.OnCall,
    };
}
