using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases.</summary>
public sealed record ReportCaseRequest(
    [property: IdField(Required = true)] string? GridId,
    [property: Value(Required = true)] Category? Category,
    [property: Text(Required = true)] string? Summary,
    [property: Value(Required = true)] CaseSource? Source,
    [property: Value] CaseTier? Tier,
    [property: Value] RiskColour? Risk,
    [property: Text(200)] string? Reporter) : IRequestBody;
