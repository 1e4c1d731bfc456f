using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/summonses/{id}/feedback: a note and whether the department's part is done.</summary>
public sealed record FeedbackRequest(
    [property: Text(Required = true)] string? Note,
    [property: Value(Required = true)] bool? Done) : IRequestBody;
