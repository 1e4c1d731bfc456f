using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases/{id}/resolve.</summary>
public sealed record ResolveCaseRequest(string? Outcome, string? Note) : IRequestBody
{
    public void Validate(RequestErrors errors)
    {
        errors.RequiredText("outcome", Outcome);
        errors.OptionalText("note", Note);
    }
}
