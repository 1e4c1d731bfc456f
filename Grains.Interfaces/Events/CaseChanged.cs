using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Grains.Interfaces.Events;

/// <summary>Live event "case": the case changed. <see cref="Scopes"/>: the case id, its centers up to the city, its departments.</summary>
public sealed record CaseChanged(CaseSummary Case, IReadOnlyList<string> Scopes);
