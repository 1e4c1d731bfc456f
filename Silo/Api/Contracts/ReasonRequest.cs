using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>A required reason (escalate, decline).</summary>
public sealed record ReasonRequest(string? Reason) : IRequestBody
{
    public void Validate(RequestErrors errors) => errors.RequiredText("reason", Reason);
}
