using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases/{id}/resolve.</summary>
public sealed record ResolveCaseRequest(
    [property: Text(Required = true)] string? Outcome,
    [property: Text] string? Note) : IRequestBody;
