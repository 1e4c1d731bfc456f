using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.Routing;

/// <summary>A department chosen by routing, with what a summons needs to show.</summary>
/// <param name="Id">The department id.</param>
/// <param name="Name">The department name.</param>
/// <param name="Kind">The kind it was chosen for.</param>
/// <param name="CenterId">The center it belongs to.</param>
/// <param name="Level">That center's level: township when local, county or city after fallback.</param>
public sealed record DepartmentRef(string Id, string Name, string Kind, string CenterId, CenterLevel Level);
