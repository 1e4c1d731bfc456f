using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Dashboard.Services;

/// <summary>Triage (三定) as the case page's form collects it (the fields of POST /api/v1/cases/{id}/triage).</summary>
public sealed record TriageInput(Category? Category, CaseTier? Tier, RiskColour? Risk, string? Note);
