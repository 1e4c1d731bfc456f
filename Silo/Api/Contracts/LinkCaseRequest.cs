using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases/{id}/link: the sibling case (the same problem reported again).</summary>
public sealed record LinkCaseRequest([property: IdField(Required = true)] string? CaseId) : IRequestBody;
