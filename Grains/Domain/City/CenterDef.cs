using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.City;

/// <summary>A governance center (综治中心) as defined in the city file.</summary>
/// <param name="Id">Unique across centers, grids and departments; <see cref="Identifiers.Ids.IsValid"/>.</param>
/// <param name="Name">Display name, e.g. 昆都仑区.</param>
/// <param name="Level">City, county, township or village.</param>
/// <param name="ParentId">The center one level up; null exactly for the city.</param>
public sealed record CenterDef(string Id, string Name, CenterLevel Level, string? ParentId);
