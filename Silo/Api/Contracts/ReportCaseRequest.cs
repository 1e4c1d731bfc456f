using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases.</summary>
public sealed record ReportCaseRequest(
    string? GridId,
    Category? Category,
    string? Summary,
    CaseSource? Source,
    CaseTier? Tier,
    RiskColour? Risk,
    string? Reporter) : IRequestBody
{
    public void Validate(RequestErrors errors)
    {
        errors.RequiredId("gridId", GridId);
        errors.Required("category", Category);
        errors.RequiredText("summary", Summary);
        errors.Required("source", Source);
        errors.OptionalText("reporter", Reporter, 200);
    }
}
