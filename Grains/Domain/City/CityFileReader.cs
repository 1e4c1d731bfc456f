using System.Text.Json;
using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Domain.Json;
using Dispatch.Grains.Domain.Notifications;
using Dispatch.Grains.Domain.Routing;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.City;

/// <summary>Parses a city file into <see cref="CityContent"/>: shapes and types only; references are checked by <see cref="CityValidator"/>.</summary>
internal static class CityFileReader
{
    public static CityContent Read(string json, string fileName)
    {
        var source = new JsonSource(fileName, (f, p, id, problem, inner) => new CityFileException(f, p, id, problem, inner));
        using var document = source.Parse(json);
        var root = document.RootElement;
        source.AllowOnly(root, "$", null,
            "extraDepartmentKinds", "centers", "departments", "grids", "rotas", "routing", "deadlinePolicy", "notifications");

        var extraKinds = source.Array(root, "$", "extraDepartmentKinds", null, required: false)
            .Select(item =>
            {
                source.ExpectKind(item.Element, item.Path, null, JsonValueKind.String, "a string");
                return item.Element.GetString()!;
            })
            .ToList();

        var centers = Entries(source, root, "centers", required: true, (e, path, id) => new CenterDef(
            id,
            source.RequiredString(e, path, "name", id),
            source.Enum<CenterLevel>(e, path, "level", id),
            source.OptionalString(e, path, "parentId", id)),
            "id", "name", "level", "parentId");

        var departments = Entries(source, root, "departments", required: false, (e, path, id) => new DepartmentDef(
            id,
            source.RequiredString(e, path, "name", id),
            source.RequiredString(e, path, "kind", id),
            source.RequiredString(e, path, "centerId", id),
            source.OptionalString(e, path, "parentDepartmentId", id),
            source.Enum<Staffing>(e, path, "staffing", id)),
            "id", "name", "kind", "centerId", "parentDepartmentId", "staffing");

        var grids = Entries(source, root, "grids", required: false, (e, path, id) => new GridDef(
            id,
            source.RequiredString(e, path, "name", id),
            source.RequiredString(e, path, "centerId", id)),
            "id", "name", "centerId");

        var rotas = source.Array(root, "$", "rotas", null, required: false)
            .Select(item => ReadRota(source, item.Element, item.Path))
            .ToList();

        var routing = JsonSource.TryGet(root, "routing", out var routingElement)
            ? ReadRouting(source, routingElement)
            : RoutingRules.Default;

        var deadlinePolicy = JsonSource.TryGet(root, "deadlinePolicy", out var policyElement)
            ? DeadlinePolicyJson.Read(source, policyElement, "$.deadlinePolicy")
            : DeadlinePolicyOptions.Default;

        var notifications = JsonSource.TryGet(root, "notifications", out var notificationsElement)
            ? NotificationPolicyJson.Read(source, notificationsElement, "$.notifications")
            : null;

        return new CityContent(extraKinds, centers, grids, departments, rotas, routing, deadlinePolicy, notifications);
    }

    private static List<T> Entries<T>(
        JsonSource source, JsonElement root, string name, bool required,
        Func<JsonElement, string, string, T> read, params string[] properties)
    {
        var result = new List<T>();
        foreach (var (element, path) in source.Array(root, "$", name, null, required))
        {
            source.ExpectKind(element, path, null, JsonValueKind.Object, "an object");
            var id = source.RequiredString(element, path, "id", null);
            source.AllowOnly(element, path, id, properties);
            result.Add(read(element, path, id));
        }

        return result;
    }

    private static RotaDef ReadRota(JsonSource source, JsonElement element, string path)
    {
        source.ExpectKind(element, path, null, JsonValueKind.Object, "an object");
        var countyId = source.RequiredString(element, path, "countyId", null);
        source.AllowOnly(element, path, countyId, "countyId", "start", "handover", "shiftDays", "chiefs");
        var chiefs = source.Array(element, path, "chiefs", countyId, required: true)
            .Select(item =>
            {
                source.ExpectKind(item.Element, item.Path, countyId, JsonValueKind.Object, "an object");
                source.AllowOnly(item.Element, item.Path, countyId, "role", "name");
                return new DutyChief(
                    source.Enum<DutyRole>(item.Element, item.Path, "role", countyId),
                    source.RequiredString(item.Element, item.Path, "name", countyId));
            })
            .ToList();
        return new RotaDef(
            countyId,
            source.Date(element, path, "start", countyId),
            source.Time(element, path, "handover", countyId),
            source.RequiredInt(element, path, "shiftDays", countyId, 1, 31),
            chiefs);
    }

    private static RoutingRules ReadRouting(JsonSource source, JsonElement element)
    {
        const string path = "$.routing";
        source.ExpectKind(element, path, null, JsonValueKind.Object, "an object");
        var rules = RoutingRules.Default;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.StartsWith('$'))
            {
                continue;
            }

            var categoryPath = JsonSource.Child(path, property.Name);
            var category = source.ParseEnum<Category>(property.Name, categoryPath, null);
            source.ExpectKind(property.Value, categoryPath, null, JsonValueKind.Array, "an array of department kinds");
            var kinds = property.Value.EnumerateArray()
                .Select((k, i) =>
                {
                    source.ExpectKind(k, JsonSource.Index(categoryPath, i), null, JsonValueKind.String, "a string");
                    return k.GetString()!;
                })
                .ToList();
            rules = rules.With(category, kinds);
        }

        return rules;
    }
}
