using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/auth/dev-token: a role, its scope (none for admin) and an optional display name.</summary>
public sealed record DevTokenRequest(string? Role, string? Scope, string? Name) : IRequestBody
{
    public void Validate(RequestErrors errors)
    {
        errors.RequiredText("role", Role, 40);
        errors.OptionalText("name", Name, 100);
        if (Scope is not null && !Dispatch.Grains.Domain.Identifiers.Ids.IsValid(Scope))
            errors.Add("scope", RequestErrors.IdMessage);
    }
}
