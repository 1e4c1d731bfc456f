using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>A governance center.</summary>
public sealed record CenterDto(string Id, string Name, CenterLevel Level, string? ParentId)
{
    public static CenterDto From(CenterDef center) => new(center.Id, center.Name, center.Level, center.ParentId);
}
