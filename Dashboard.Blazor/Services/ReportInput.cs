using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Dashboard.Services;

/// <summary>A new case as the console's form collects it (the fields of POST /api/v1/cases).</summary>
public sealed record ReportInput(string? GridId, Category? Category, string? Summary, CaseSource? Source, CaseTier? Tier, RiskColour? Risk, string? Reporter);
