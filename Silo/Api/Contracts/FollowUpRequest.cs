using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases/{id}/follow-up: the follow-up visit (回访), satisfaction 1..5.</summary>
public sealed record FollowUpRequest(
    [property: IntegerRange(1, 5, Required = true)] int? Satisfaction,
    [property: Text] string? Note) : IRequestBody;
