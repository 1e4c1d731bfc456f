using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>A center with the centers directly under it, its departments and the grids directly at it.</summary>
public sealed record CenterDetailDto(
    string Id,
    string Name,
    CenterLevel Level,
    string? ParentId,
    IReadOnlyList<CenterDto> Children,
    IReadOnlyList<DepartmentDto> Departments,
    IReadOnlyList<GridDto> Grids);
