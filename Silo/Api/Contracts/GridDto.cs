using Dispatch.Grains.Domain.City;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>A grid (网格).</summary>
public sealed record GridDto(string Id, string Name, string CenterId)
{
    public static GridDto From(GridDef g) => new(g.Id, g.Name, g.CenterId);
}
