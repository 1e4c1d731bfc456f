using Dispatch.Grains.Interfaces.Model;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>A new case (POST /api/v1/cases), already validated for shape by the API.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.ReportCase")]
public sealed record ReportCase(string GridId, Category Category, string Summary, CaseSource Source, CaseTier? Tier, RiskColour? Risk, string? Reporter, Actor Actor);
