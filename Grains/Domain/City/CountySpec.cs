namespace Dispatch.Grains.Domain.City;

/// <summary>One county, district or banner to generate.</summary>
/// <param name="Code">Short ASCII code used in ids, e.g. <c>kdl</c> gives <c>bt-kdl</c>; lower-case letters and digits.</param>
/// <param name="Name">Display name; its suffix (区, 旗, 县) decides the township names (街道/镇, 镇/苏木, 镇/乡).</param>
/// <param name="Townships">Townships and streets in it, 1 or more.</param>
public sealed record CountySpec(string Code, string Name, int Townships);
