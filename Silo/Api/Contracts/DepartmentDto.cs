using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>A department that can be summoned; <see cref="Kind"/> is a camelCase department kind.</summary>
public sealed record DepartmentDto(string Id, string Name, string Kind, string CenterId, string? ParentDepartmentId, Staffing Staffing)
{
    public static DepartmentDto From(DepartmentDef d) => new(d.Id, d.Name, d.Kind, d.CenterId, d.ParentDepartmentId, d.Staffing);
}
