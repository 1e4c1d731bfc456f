using Dispatch.Grains.Interfaces.Model;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>Fixes category, tier and risk colour (三定): the case's deadline follows from the tier.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.TriageCase")]
public sealed record TriageCase(Category? Category, CaseTier Tier, RiskColour Risk, string? Note, Actor Actor);
