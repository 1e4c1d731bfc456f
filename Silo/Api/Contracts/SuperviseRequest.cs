using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases/{id}/supervise (督办): a required note to the summoned departments.</summary>
public sealed record SuperviseRequest([property: Text(Required = true)] string? Note) : IRequestBody;
