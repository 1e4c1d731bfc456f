namespace Dispatch.Grains.Domain.City;

/// <summary>A township department kind that only some townships have.</summary>
/// <param name="Kind">The department kind.</param>
/// <param name="Share">0 to 1: the generator gives the kind to round(Share × townships) townships, chosen by the seed.</param>
public sealed record OptionalKind(string Kind, double Share);
