using System.Collections.Frozen;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;
using static Dispatch.Grains.Interfaces.Model.DepartmentKinds;

namespace Dispatch.Grains.Domain.Routing;

/// <summary>
/// Which department kinds a category summons ("fix the department", 定部门), and the territorial
/// search that turns kinds into departments. Immutable. A city file's <c>routing</c> section replaces
/// the kinds of the categories it lists; the others keep <see cref="Default"/>.
/// </summary>
public sealed class RoutingRules
{
    private readonly FrozenDictionary<Category, IReadOnlyList<string>> _kinds;

    /// <summary>Creates rules; every <see cref="Category"/> missing from <paramref name="kinds"/> gets an empty list.</summary>
    public RoutingRules(IReadOnlyDictionary<Category, IReadOnlyList<string>> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        _kinds = Enum.GetValues<Category>().ToFrozenDictionary(
            c => c,
            c => kinds.TryGetValue(c, out var list) ? (IReadOnlyList<string>)list.ToArray() : []);
    }

    /// <summary>
    /// The default rules; in the Baotou demo city each category yields 3 to 6 departments.
    /// </summary>
    public static RoutingRules Default { get; } = new(new Dictionary<Category, IReadOnlyList<string>>
    {
        [Category.NeighbourDispute] = [JudicialOffice, MediationCommittee, PoliceStation],
        [Category.LandHomestead] = [LandManagement, NaturalResources, JudicialOffice, MediationCommittee],
        [Category.WageArrears] = [HumanResources, JudicialOffice, LabourMediation, Tribunal, TradeUnion],
        [Category.PropertyManagement] = [Housing, PropertyMediation, JudicialOffice],
        [Category.HousingDelivery] = [Housing, MarketRegulation, PetitionOffice],
        [Category.Labour] = [HumanResources, LabourMediation, JudicialOffice, TradeUnion],
        [Category.MarriageFamily] = [FamilyMediation, JudicialOffice, WomensFederation, Tribunal],
        [Category.TrafficAccident] = [PoliceStation, TrafficMediation, Tribunal, LegalService],
        [Category.MedicalDispute] = [MedicalMediation, HealthCommission, JudicialOffice, PoliceStation],
        [Category.SafetyHazard] = [UrbanManagement, MarketRegulation, PoliceStation, Housing],
        [Category.PublicSecurity] = [PoliceStation, JudicialOffice, MediationCommittee],
        [Category.Petition] = [PetitionOffice, JudicialOffice, CivilAffairs],
        [Category.Consultation] = [LegalService, JudicialOffice, LawFirm],
        [Category.Other] = [JudicialOffice, CivilAffairs, MediationCommittee],
    });

    /// <summary>The kinds for every category, in summoning order.</summary>
    public IReadOnlyDictionary<Category, IReadOnlyList<string>> Kinds => _kinds;

    /// <summary>The kinds a category summons, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is undefined.</exception>
    public IReadOnlyList<string> KindsFor(Category category) =>
        _kinds.TryGetValue(category, out var kinds)
            ? kinds
            : throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category.");

    /// <summary>A copy with the kinds of <paramref name="category"/> replaced.</summary>
    public RoutingRules With(Category category, IEnumerable<string> kinds)
    {
        var copy = _kinds.ToDictionary(p => p.Key, p => p.Value);
        copy[category] = kinds.ToArray();
        return new RoutingRules(copy);
    }

    /// <summary>
    /// The departments to summon for a case of <paramref name="category"/> handled at
    /// <paramref name="centerId"/> (normally the case's township). For each kind, in rule order: the
    /// first department of that kind (in file order) at the center itself, else at its parent (the
    /// county), else further up (the city); a kind nobody has is skipped. A department is listed once
    /// even if several kinds lead to it. Deterministic.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="centerId"/> is not a center of <paramref name="city"/>.</exception>
    public IReadOnlyList<DepartmentRef> Route(Category category, string centerId, CityModel city)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (!city.TryGetCenter(centerId, out _))
        {
            throw new ArgumentException($"Unknown center '{centerId}'.", nameof(centerId));
        }

        var chain = city.AncestorsAndSelf(centerId);
        var chosen = new List<DepartmentRef>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in KindsFor(category))
        {
            foreach (var center in chain)
            {
                var departments = city.DepartmentsAt(center.Id, kind);
                if (departments.Count == 0)
                {
                    continue;
                }

                var department = departments[0];
                if (seen.Add(department.Id))
                {
                    chosen.Add(new DepartmentRef(department.Id, department.Name, kind, center.Id, center.Level));
                }

                break;
            }
        }

        return chosen;
    }
}
