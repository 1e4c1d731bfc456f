using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Domain.Json;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.City;

/// <summary>
/// Cross-checks a city's content. Paths are those the entries have in a city file
/// (<c>$.departments[12].centerId</c>), since list order is file order.
/// </summary>
internal static class CityValidator
{
    public static void Validate(CityContent content, string fileName)
    {
        var source = new JsonSource(fileName, (f, p, id, problem, inner) => new CityFileException(f, p, id, problem, inner));
        var kinds = ValidateKinds(source, content.ExtraDepartmentKinds);
        ValidateIds(source, content);
        var centers = content.Centers.Select((c, i) => (c, i)).ToDictionary(p => p.c.Id, p => p, StringComparer.Ordinal);
        ValidateCenters(source, content.Centers, centers);
        ValidateGrids(source, content.Grids, centers);
        ValidateDepartments(source, content.Departments, centers, kinds);
        ValidateRotas(source, content.Rotas, content.Centers, centers);
        ValidateRouting(source, content, kinds);
        ValidateNotificationContacts(source, content, centers);
    }

    private static void ValidateNotificationContacts(JsonSource source, CityContent content, IReadOnlyDictionary<string, (CenterDef, int)> centers)
    {
        if (content.Notifications is not { } policy) return;
        var departments = content.Departments.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in policy.Contacts.Keys)
        {
            if (!centers.ContainsKey(id) && !departments.Contains(id))
                throw source.Error($"$.notifications.contacts.{id}", id, "no department or center has this id.");
        }
    }

    private static HashSet<string> ValidateKinds(JsonSource source, IReadOnlyList<string> extra)
    {
        var kinds = new HashSet<string>(DepartmentKinds.All, StringComparer.Ordinal);
        for (var i = 0; i < extra.Count; i++)
        {
            var path = $"$.extraDepartmentKinds[{i}]";
            if (!DepartmentKinds.IsWellFormed(extra[i]))
            {
                throw source.Error(path, extra[i], "a department kind must be camelCase: a lower-case ASCII letter, then letters and digits, at most 40.");
            }

            if (!kinds.Add(extra[i]))
            {
                throw source.Error(path, extra[i], "the kind is already known.");
            }
        }

        return kinds;
    }

    private static void ValidateIds(JsonSource source, CityContent content)
    {
        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        void Check(string id, string entryPath)
        {
            var path = entryPath + ".id";
            if (!Ids.IsValid(id))
            {
                throw source.Error(path, id, $"an id must be 1 to {Ids.MaxLength} characters of A-Z, a-z, 0-9, '.', '_' or '-'.");
            }

            if (!firstSeen.TryAdd(id, path))
            {
                throw source.Error(path, id, $"duplicate id: already used at {firstSeen[id]} (ids are unique across centers, grids and departments).");
            }
        }

        for (var i = 0; i < content.Centers.Count; i++)
        {
            Check(content.Centers[i].Id, $"$.centers[{i}]");
        }

        for (var i = 0; i < content.Departments.Count; i++)
        {
            Check(content.Departments[i].Id, $"$.departments[{i}]");
        }

        for (var i = 0; i < content.Grids.Count; i++)
        {
            Check(content.Grids[i].Id, $"$.grids[{i}]");
        }
    }

    private static void ValidateCenters(
        JsonSource source, IReadOnlyList<CenterDef> list, Dictionary<string, (CenterDef Center, int Index)> centers)
    {
        var cities = list.Select((c, i) => (c, i)).Where(p => p.c.Level == CenterLevel.City).ToList();
        if (cities.Count == 0)
        {
            throw source.Error("$.centers", null, "there is no center with level 'city'; exactly one is required.");
        }

        if (cities.Count > 1)
        {
            throw source.Error($"$.centers[{cities[1].i}].level", cities[1].c.Id,
                $"a second city; exactly one center may have level 'city' (the first is '{cities[0].c.Id}').");
        }

        // References first, then cycles, then levels, so each problem gets its most precise message.
        for (var i = 0; i < list.Count; i++)
        {
            var center = list[i];
            var path = $"$.centers[{i}].parentId";
            if (center.Level == CenterLevel.City)
            {
                if (center.ParentId is not null)
                {
                    throw source.Error(path, center.Id, "the city has no parent; parentId must be null.");
                }
            }
            else if (center.ParentId is null)
            {
                throw source.Error(path, center.Id, $"a {Name(center.Level)} center needs a parentId.");
            }
            else if (!centers.ContainsKey(center.ParentId))
            {
                throw source.Error(path, center.Id, $"the parent center '{center.ParentId}' does not exist.");
            }
        }

        for (var i = 0; i < list.Count; i++)
        {
            var cycle = FindCycle(list[i].Id, id => centers[id].Center.ParentId);
            if (cycle is not null)
            {
                throw source.Error($"$.centers[{i}].parentId", list[i].Id, $"the centers' parents form a cycle: {cycle}.");
            }
        }

        for (var i = 0; i < list.Count; i++)
        {
            var center = list[i];
            if (center.ParentId is null)
            {
                continue;
            }

            var parent = centers[center.ParentId].Center;
            if (parent.Level != center.Level - 1)
            {
                throw source.Error($"$.centers[{i}].level", center.Id,
                    $"a {Name(center.Level)} center must be under a {Name(center.Level - 1)}, but its parent '{parent.Id}' is a {Name(parent.Level)}.");
            }
        }
    }

    private static void ValidateGrids(
        JsonSource source, IReadOnlyList<GridDef> grids, Dictionary<string, (CenterDef Center, int Index)> centers)
    {
        for (var i = 0; i < grids.Count; i++)
        {
            var grid = grids[i];
            var path = $"$.grids[{i}].centerId";
            if (!centers.TryGetValue(grid.CenterId, out var center))
            {
                throw source.Error(path, grid.Id, $"the center '{grid.CenterId}' does not exist.");
            }

            if (center.Center.Level is not (CenterLevel.Township or CenterLevel.Village))
            {
                throw source.Error(path, grid.Id,
                    $"a grid must belong to a township or village center, but '{grid.CenterId}' is a {Name(center.Center.Level)}.");
            }
        }
    }

    private static void ValidateDepartments(
        JsonSource source, IReadOnlyList<DepartmentDef> list,
        Dictionary<string, (CenterDef Center, int Index)> centers, HashSet<string> kinds)
    {
        var departments = list.Select((d, i) => (d, i)).ToDictionary(p => p.d.Id, p => p, StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var department = list[i];
            var path = $"$.departments[{i}]";
            if (!kinds.Contains(department.Kind))
            {
                throw source.Error(path + ".kind", department.Id,
                    $"unknown department kind '{department.Kind}'; use a built-in kind or declare it in extraDepartmentKinds.");
            }

            if (!centers.ContainsKey(department.CenterId))
            {
                throw source.Error(path + ".centerId", department.Id, $"the center '{department.CenterId}' does not exist.");
            }

            if (department.ParentDepartmentId is { } parentId && !departments.ContainsKey(parentId))
            {
                throw source.Error(path + ".parentDepartmentId", department.Id, $"the parent department '{parentId}' does not exist.");
            }
        }

        for (var i = 0; i < list.Count; i++)
        {
            var cycle = FindCycle(list[i].Id, id => departments[id].d.ParentDepartmentId);
            if (cycle is not null)
            {
                throw source.Error($"$.departments[{i}].parentDepartmentId", list[i].Id,
                    $"the departments' counterparts form a cycle: {cycle}.");
            }
        }
    }

    private static void ValidateRotas(
        JsonSource source, IReadOnlyList<RotaDef> rotas, IReadOnlyList<CenterDef> list,
        Dictionary<string, (CenterDef Center, int Index)> centers)
    {
        var byCounty = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rotas.Count; i++)
        {
            var rota = rotas[i];
            var path = $"$.rotas[{i}]";
            if (!centers.TryGetValue(rota.CountyId, out var county))
            {
                throw source.Error(path + ".countyId", rota.CountyId, $"the county center '{rota.CountyId}' does not exist.");
            }

            if (county.Center.Level != CenterLevel.County)
            {
                throw source.Error(path + ".countyId", rota.CountyId,
                    $"rotas belong to county centers, but '{rota.CountyId}' is a {Name(county.Center.Level)}.");
            }

            if (!byCounty.TryAdd(rota.CountyId, i))
            {
                throw source.Error(path + ".countyId", rota.CountyId, $"the county already has a rota at $.rotas[{byCounty[rota.CountyId]}].");
            }

            if (rota.ShiftDays is < 1 or > 31)
            {
                throw source.Error(path + ".shiftDays", rota.CountyId, "shiftDays must be 1 to 31.");
            }

            ValidateChiefs(source, rota, path);
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Level == CenterLevel.County && !byCounty.ContainsKey(list[i].Id))
            {
                throw source.Error($"$.centers[{i}]", list[i].Id,
                    "the county has no four-chiefs duty rota; add one to $.rotas with all four chiefs.");
            }
        }
    }

    private static void ValidateChiefs(JsonSource source, RotaDef rota, string path)
    {
        var roles = new HashSet<DutyRole>();
        for (var j = 0; j < rota.Chiefs.Count; j++)
        {
            var chief = rota.Chiefs[j];
            if (string.IsNullOrWhiteSpace(chief.Name))
            {
                throw source.Error($"{path}.chiefs[{j}].name", rota.CountyId, "the chief needs a name.");
            }

            if (!roles.Add(chief.Role))
            {
                throw source.Error($"{path}.chiefs[{j}].role", rota.CountyId, $"the role '{CamelCaseEnum<DutyRole>.Name(chief.Role)}' is listed twice.");
            }
        }

        var missing = Enum.GetValues<DutyRole>().Where(r => !roles.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw source.Error(path + ".chiefs", rota.CountyId,
                $"the four-chiefs rota is incomplete; missing: {string.Join(", ", missing.Select(CamelCaseEnum<DutyRole>.Name))}.");
        }
    }

    private static void ValidateRouting(JsonSource source, CityContent content, HashSet<string> kinds)
    {
        foreach (var (category, list) in content.Routing.Kinds)
        {
            var path = $"$.routing.{CamelCaseEnum<Category>.Name(category)}";
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                if (!kinds.Contains(list[i]))
                {
                    throw source.Error($"{path}[{i}]", list[i], $"unknown department kind '{list[i]}'.");
                }

                if (!seen.Add(list[i]))
                {
                    throw source.Error($"{path}[{i}]", list[i], "the kind is listed twice for this category.");
                }
            }
        }
    }

    /// <summary>The cycle reachable from <paramref name="start"/> that contains it, as "a → b → a", or null.</summary>
    private static string? FindCycle(string start, Func<string, string?> next)
    {
        var path = new List<string> { start };
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        for (var current = next(start); current is not null; current = next(current))
        {
            path.Add(current);
            if (current == start)
            {
                return string.Join(" → ", path);
            }

            if (!seen.Add(current))
            {
                return null; // a cycle further up that does not include start; reported for its own members
            }
        }

        return null;
    }

    private static string Name(CenterLevel level) => CamelCaseEnum<CenterLevel>.Name(level);
}
