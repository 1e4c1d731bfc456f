using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/summonses/{id}/feedback: a note and whether the department's part is done.</summary>
public sealed record FeedbackRequest(string? Note, bool? Done) : IRequestBody
{
    public void Validate(RequestErrors errors)
    {
        errors.RequiredText("note", Note);
        errors.Required("done", Done);
    }
}
