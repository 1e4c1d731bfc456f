using Dispatch.Grains.Interfaces.Cases;
using Orleans;

namespace Dispatch.Grains.Interfaces.Events;

/// <summary>Live event "case": the case changed. <see cref="Scopes"/>: the case id, its centers up to the city, its departments.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.CaseChanged")]
public sealed record CaseChanged(CaseSummary Case, IReadOnlyList<string> Scopes);
