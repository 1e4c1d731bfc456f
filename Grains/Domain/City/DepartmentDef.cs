using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.City;

/// <summary>A department (部门) that can be summoned.</summary>
/// <param name="Id">Unique across centers, grids and departments.</param>
/// <param name="Name">Display name, e.g. 少先路派出所.</param>
/// <param name="Kind">A <see cref="DepartmentKinds"/> value or one of the city file's extra kinds.</param>
/// <param name="CenterId">The center the department belongs to.</param>
/// <param name="ParentDepartmentId">Its counterpart one level up (police station → county bureau), or null.</param>
/// <param name="Staffing">How it is staffed at its center.</param>
public sealed record DepartmentDef(string Id, string Name, string Kind, string CenterId, string? ParentDepartmentId, Staffing Staffing);
