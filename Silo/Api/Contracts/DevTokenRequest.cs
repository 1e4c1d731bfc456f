using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/auth/dev-token: a role, its scope (none for admin) and an optional display name.</summary>
public sealed record DevTokenRequest(
    [property: Text(DevTokenRequest.MaxRoleLength, Required = true)] string? Role,
    [property: IdField] string? Scope,
    [property: Text(100)] string? Name) : IRequestBody
{
    public const int MaxRoleLength = 40;
}
