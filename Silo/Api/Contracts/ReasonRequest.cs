using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>A required reason (escalate, decline).</summary>
public sealed record ReasonRequest([property: Text(Required = true)] string? Reason) : IRequestBody;
