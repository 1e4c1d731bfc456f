namespace Dispatch.Grains.Domain.City;

/// <summary>A grid (网格), the smallest unit where cases are reported.</summary>
/// <param name="Id">Unique across centers, grids and departments.</param>
/// <param name="Name">Display name.</param>
/// <param name="CenterId">The township or village center the grid belongs to.</param>
public sealed record GridDef(string Id, string Name, string CenterId);
