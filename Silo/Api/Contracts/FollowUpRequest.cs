using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases/{id}/follow-up: the follow-up visit (回访), satisfaction 1..5.</summary>
public sealed record FollowUpRequest(int? Satisfaction, string? Note) : IRequestBody
{
    public void Validate(RequestErrors errors)
    {
        if (Satisfaction is null)
            errors.Add("satisfaction", "Required.");
        else if (Satisfaction is < 1 or > 5)
            errors.Add("satisfaction", "Must be 1 to 5.");
        errors.OptionalText("note", Note);
    }
}
