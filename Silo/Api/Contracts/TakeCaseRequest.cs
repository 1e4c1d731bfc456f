using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases/{id}/take (领导包案): an optional reason; the body may be empty.</summary>
public sealed record TakeCaseRequest([property: Text] string? Reason) : IOptionalRequestBody;
