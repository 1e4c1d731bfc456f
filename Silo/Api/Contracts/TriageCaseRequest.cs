using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases/{id}/triage: fix category (optional), tier and risk colour (三定).</summary>
public sealed record TriageCaseRequest(Category? Category, CaseTier? Tier, RiskColour? Risk, string? Note) : IRequestBody
{
    public void Validate(RequestErrors errors)
    {
        errors.Required("tier", Tier);
        errors.Required("risk", Risk);
        errors.OptionalText("note", Note);
    }
}
