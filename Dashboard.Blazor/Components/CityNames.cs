using Dispatch.Grains.Domain.City;

namespace Dispatch.Dashboard.Components;

/// <summary>Display names of ids, falling back to the id itself.</summary>
public static class CityNames
{
    public static string CenterName(this CityModel city, string? id) =>
        id is not null && city.TryGetCenter(id, out var center) ? center.Name : id ?? "—";

    public static string DepartmentName(this CityModel city, string? id) =>
        id is not null && city.TryGetDepartment(id, out var department) ? department.Name : id ?? "—";

    public static string GridName(this CityModel city, string? id) =>
        id is not null && city.TryGetGrid(id, out var grid) ? grid.Name : id ?? "—";
}
