using System.Text.RegularExpressions;
using Dispatch.Grains.Domain.City;

namespace Dispatch.Dashboard.Components;

/// <summary>Display names of ids, falling back to the id itself.</summary>
public static partial class CityNames
{
    /// <summary>
    /// A text with every center and department id in it replaced by its name (the engine's timeline notes name ids:
    /// "summoned tc-a-t1-jud, tc-a-t1-pol").
    /// </summary>
    public static string WithNames(this CityModel city, string text) => IdToken().Replace(text, m =>
        city.TryGetDepartment(m.Value, out var department) ? department.Name
        : city.TryGetCenter(m.Value, out var center) ? center.Name
        : m.Value);

    [GeneratedRegex("[A-Za-z0-9][A-Za-z0-9_-]*")]
    private static partial Regex IdToken();

    /// <summary>A department's or a center's name (a statistics scope), or the id itself.</summary>
    public static string UnitName(this CityModel city, string id) =>
        city.TryGetDepartment(id, out var d) ? d.Name : city.TryGetCenter(id, out var c) ? c.Name : id;

    public static string CenterName(this CityModel city, string? id) =>
        id is not null && city.TryGetCenter(id, out var center) ? center.Name : id ?? "—";

    public static string DepartmentName(this CityModel city, string? id) =>
        id is not null && city.TryGetDepartment(id, out var department) ? department.Name : id ?? "—";

    public static string GridName(this CityModel city, string? id) =>
        id is not null && city.TryGetGrid(id, out var grid) ? grid.Name : id ?? "—";

    /// <summary>
    /// Where a grid is, for people: its township's name and its own ("东街道 · 东一社区第1网格"); the grid's name alone
    /// when it has no township, the id itself when the grid is unknown.
    /// </summary>
    public static string GridPlace(this CityModel city, string? id) =>
        id is not null && city.TryGetGrid(id, out var grid)
            ? city.TownshipOfCenter(grid.CenterId) is { } township ? $"{township.Name} · {grid.Name}" : grid.Name
            : id ?? "—";
}
