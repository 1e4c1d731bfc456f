using System.Collections.Frozen;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Domain.Notifications;
using Dispatch.Grains.Domain.Routing;
using Dispatch.Grains.Interfaces.Model;
using NodaTime;

namespace Dispatch.Grains.Domain.City;

/// <summary>
/// A validated, immutable city: its centers, grids, departments, duty rotas, routing rules and deadline
/// policy, indexed for fast lookups. Obtain one from <see cref="CityLoader"/>, <see cref="CityGenerator"/>
/// or <see cref="Create"/>; all three validate. Thread-safe.
/// </summary>
/// <remarks>
/// Lookups by id that must succeed (<c>GetXxx</c>, <see cref="Children"/>, <see cref="Parent"/>, ...) throw
/// <see cref="KeyNotFoundException"/> naming the id; use the <c>TryGetXxx</c> methods to test first.
/// Lists are in file order.
/// </remarks>
public sealed class CityModel
{
    private readonly FrozenDictionary<string, CenterDef> _centers;
    private readonly FrozenDictionary<string, GridDef> _grids;
    private readonly FrozenDictionary<string, DepartmentDef> _departments;
    private readonly FrozenDictionary<string, RotaDef> _rotas;
    private readonly FrozenDictionary<string, IReadOnlyList<CenterDef>> _children;
    private readonly FrozenDictionary<string, IReadOnlyList<GridDef>> _gridsByCenter;
    private readonly FrozenDictionary<string, IReadOnlyList<DepartmentDef>> _departmentsByCenter;
    private readonly FrozenDictionary<(string CenterId, string Kind), IReadOnlyList<DepartmentDef>> _departmentsByCenterAndKind;
    private readonly FrozenDictionary<string, IReadOnlyList<CenterDef>> _ancestorsAndSelf;
    private readonly FrozenSet<string> _knownKinds;

    /// <summary>Builds the indexes; the content must already be validated (see <see cref="CityValidator"/>).</summary>
    internal CityModel(CityContent content, string sourceName)
    {
        SourceName = sourceName;
        Centers = content.Centers.ToArray();
        Grids = content.Grids.ToArray();
        Departments = content.Departments.ToArray();
        Rotas = content.Rotas.ToArray();
        ExtraDepartmentKinds = content.ExtraDepartmentKinds.ToArray();
        Routing = content.Routing;
        DeadlinePolicy = content.DeadlinePolicy;
        Notifications = content.Notifications ?? NotificationPolicy.Default;

        _centers = Centers.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        _grids = Grids.ToFrozenDictionary(g => g.Id, StringComparer.Ordinal);
        _departments = Departments.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        _rotas = Rotas.ToFrozenDictionary(r => r.CountyId, StringComparer.Ordinal);
        _children = GroupByCenter(Centers, c => c.ParentId);
        _gridsByCenter = GroupByCenter(Grids, g => g.CenterId);
        _departmentsByCenter = GroupByCenter(Departments, d => d.CenterId);
        _departmentsByCenterAndKind = Departments
            .GroupBy(d => (d.CenterId, d.Kind))
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<DepartmentDef>)g.ToArray());
        _ancestorsAndSelf = Centers.ToFrozenDictionary(c => c.Id, c => Chain(c), StringComparer.Ordinal);
        _knownKinds = DepartmentKinds.All.Concat(ExtraDepartmentKinds).ToFrozenSet(StringComparer.Ordinal);
        City = Centers.Single(c => c.Level == CenterLevel.City);
    }

    /// <summary>The file name (or <c>&lt;generated&gt;</c>) the model came from.</summary>
    public string SourceName { get; }

    /// <summary>Who is notified how of summonses, escalations, leader takes and supervision (the file's <c>notifications</c>).</summary>
    public NotificationPolicy Notifications { get; }

    /// <summary>The single city-level center.</summary>
    public CenterDef City { get; }

    /// <summary>All centers.</summary>
    public IReadOnlyList<CenterDef> Centers { get; }

    /// <summary>All grids.</summary>
    public IReadOnlyList<GridDef> Grids { get; }

    /// <summary>All departments.</summary>
    public IReadOnlyList<DepartmentDef> Departments { get; }

    /// <summary>One rota per county center.</summary>
    public IReadOnlyList<RotaDef> Rotas { get; }

    /// <summary>Department kinds this city adds to <see cref="DepartmentKinds.All"/>.</summary>
    public IReadOnlyList<string> ExtraDepartmentKinds { get; }

    /// <summary>Category → department kinds.</summary>
    public RoutingRules Routing { get; }

    /// <summary>Deadline rules; combine with a calendar in a <see cref="Deadlines.DeadlinePolicy"/>.</summary>
    public DeadlinePolicyOptions DeadlinePolicy { get; }

    /// <summary>
    /// Validates definitions and builds a model, exactly as <see cref="CityLoader"/> does for a file; errors
    /// name the JSON path the entry would have in a city file.
    /// </summary>
    /// <param name="centers">Centers; exactly one city.</param>
    /// <param name="grids">Grids, each at a township or village.</param>
    /// <param name="departments">Departments.</param>
    /// <param name="rotas">Exactly one complete rota per county.</param>
    /// <param name="routing">Routing rules; <see cref="RoutingRules.Default"/> when null.</param>
    /// <param name="deadlinePolicy">Deadline rules; <see cref="DeadlinePolicyOptions.Default"/> when null.</param>
    /// <param name="extraDepartmentKinds">Kinds beyond <see cref="DepartmentKinds.All"/>; well formed.</param>
    /// <param name="sourceName">The name used in error messages and <see cref="SourceName"/>.</param>
    /// <exception cref="CityFileException">The definitions are inconsistent.</exception>
    public static CityModel Create(
        IEnumerable<CenterDef> centers,
        IEnumerable<GridDef> grids,
        IEnumerable<DepartmentDef> departments,
        IEnumerable<RotaDef> rotas,
        RoutingRules? routing = null,
        DeadlinePolicyOptions? deadlinePolicy = null,
        IEnumerable<string>? extraDepartmentKinds = null,
        string sourceName = "<code>")
    {
        var content = new CityContent(
            (extraDepartmentKinds ?? []).ToArray(),
            centers.ToArray(),
            grids.ToArray(),
            departments.ToArray(),
            rotas.ToArray(),
            routing ?? RoutingRules.Default,
            deadlinePolicy ?? DeadlinePolicyOptions.Default);
        CityValidator.Validate(content, sourceName);
        return new CityModel(content, sourceName);
    }

    /// <summary>True if <paramref name="kind"/> is built in or one of <see cref="ExtraDepartmentKinds"/>.</summary>
    public bool IsKnownKind(string kind) => _knownKinds.Contains(kind);

    /// <summary>Finds a center.</summary>
    public bool TryGetCenter(string id, out CenterDef center) => _centers.TryGetValue(id, out center!);

    /// <summary>Finds a grid.</summary>
    public bool TryGetGrid(string id, out GridDef grid) => _grids.TryGetValue(id, out grid!);

    /// <summary>Finds a department.</summary>
    public bool TryGetDepartment(string id, out DepartmentDef department) => _departments.TryGetValue(id, out department!);

    /// <summary>Finds a county's rota.</summary>
    public bool TryGetRota(string countyId, out RotaDef rota) => _rotas.TryGetValue(countyId, out rota!);

    /// <summary>The center with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public CenterDef GetCenter(string id) => TryGetCenter(id, out var c) ? c : throw Missing("center", id);

    /// <summary>The grid with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such grid.</exception>
    public GridDef GetGrid(string id) => TryGetGrid(id, out var g) ? g : throw Missing("grid", id);

    /// <summary>The department with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such department.</exception>
    public DepartmentDef GetDepartment(string id) => TryGetDepartment(id, out var d) ? d : throw Missing("department", id);

    /// <summary>The rota of a county center.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="countyId"/> is not a county center.</exception>
    public RotaDef GetRota(string countyId) => TryGetRota(countyId, out var r) ? r : throw Missing("county rota", countyId);

    /// <summary>The centers directly under a center (counties of the city, townships of a county, ...).</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public IReadOnlyList<CenterDef> Children(string centerId) => ByCenter(_children, centerId);

    /// <summary>The grids directly at a center (not those of its children).</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public IReadOnlyList<GridDef> GridsAt(string centerId) => ByCenter(_gridsByCenter, centerId);

    /// <summary>The departments belonging to a center.</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public IReadOnlyList<DepartmentDef> DepartmentsAt(string centerId) => ByCenter(_departmentsByCenter, centerId);

    /// <summary>The departments of one kind at a center; empty when it has none (or the kind is unknown).</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public IReadOnlyList<DepartmentDef> DepartmentsAt(string centerId, string kind)
    {
        EnsureCenter(centerId);
        return _departmentsByCenterAndKind.TryGetValue((centerId, kind), out var list) ? list : [];
    }

    /// <summary>The center one level up, or null for the city.</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public CenterDef? Parent(string centerId)
    {
        var center = GetCenter(centerId);
        return center.ParentId is null ? null : _centers[center.ParentId];
    }

    /// <summary>The center itself, then its parent, up to the city (nearest first).</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public IReadOnlyList<CenterDef> AncestorsAndSelf(string centerId) =>
        _ancestorsAndSelf.TryGetValue(centerId, out var chain) ? chain : throw Missing("center", centerId);

    /// <summary>The county at or above a center: itself for a county, null for the city.</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public CenterDef? CountyOf(string centerId) => AtLevel(centerId, CenterLevel.County);

    /// <summary>The township at or above a center: itself for a township, null for a county or the city.</summary>
    /// <exception cref="KeyNotFoundException">No such center.</exception>
    public CenterDef? TownshipOfCenter(string centerId) => AtLevel(centerId, CenterLevel.Township);

    /// <summary>The township a grid belongs to (the grid's center, or that center's township for a village grid).</summary>
    /// <exception cref="KeyNotFoundException">No such grid.</exception>
    public CenterDef TownshipOf(string gridId) => TownshipOfCenter(GetGrid(gridId).CenterId)!;

    /// <summary>A department's counterpart one level up (<see cref="DepartmentDef.ParentDepartmentId"/>), or null.</summary>
    /// <exception cref="KeyNotFoundException">No such department.</exception>
    public DepartmentDef? ParentDepartment(string departmentId)
    {
        var department = GetDepartment(departmentId);
        return department.ParentDepartmentId is null ? null : _departments[department.ParentDepartmentId];
    }

    /// <summary>The departments to summon for a category at a center, by this city's <see cref="Routing"/>.</summary>
    /// <exception cref="ArgumentException">No such center.</exception>
    public IReadOnlyList<DepartmentRef> Route(Category category, string centerId) => Routing.Route(category, centerId, this);

    /// <summary>Who is on duty at a county center at <paramref name="at"/>.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="countyId"/> is not a county center.</exception>
    public DutyShift OnDutyAt(string countyId, Instant at) => GetRota(countyId).OnDutyAt(at);

    /// <summary>The duty shifts of a county overlapping [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="countyId"/> is not a county center.</exception>
    /// <exception cref="ArgumentException"><paramref name="to"/> is earlier than <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="RotaDef.MaxShifts"/> shifts.</exception>
    public IReadOnlyList<DutyShift> Rota(string countyId, Instant from, Instant to) => GetRota(countyId).Shifts(from, to);

    private CenterDef? AtLevel(string centerId, CenterLevel level) =>
        AncestorsAndSelf(centerId).FirstOrDefault(c => c.Level == level);

    private IReadOnlyList<T> ByCenter<T>(FrozenDictionary<string, IReadOnlyList<T>> index, string centerId)
    {
        EnsureCenter(centerId);
        return index.TryGetValue(centerId, out var list) ? list : [];
    }

    private void EnsureCenter(string centerId)
    {
        if (!_centers.ContainsKey(centerId))
        {
            throw Missing("center", centerId);
        }
    }

    private IReadOnlyList<CenterDef> Chain(CenterDef center)
    {
        var chain = new List<CenterDef> { center };
        while (chain[^1].ParentId is { } parentId)
        {
            chain.Add(_centers[parentId]);
        }

        return chain;
    }

    private static FrozenDictionary<string, IReadOnlyList<T>> GroupByCenter<T>(IEnumerable<T> items, Func<T, string?> centerOf) =>
        items.Where(i => centerOf(i) is not null)
            .GroupBy(i => centerOf(i)!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToArray(), StringComparer.Ordinal);

    private static KeyNotFoundException Missing(string what, string id) => new($"Unknown {what} '{id}'.");
}
