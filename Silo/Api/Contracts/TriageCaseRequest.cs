using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases/{id}/triage: fix category (optional), tier and risk colour (三定).</summary>
public sealed record TriageCaseRequest(
    [property: Value] Category? Category,
    [property: Value(Required = true)] CaseTier? Tier,
    [property: Value(Required = true)] RiskColour? Risk,
    [property: Text] string? Note) : IRequestBody;
