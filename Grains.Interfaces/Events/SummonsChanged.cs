using Dispatch.Grains.Interfaces.Cases;
using Orleans;

namespace Dispatch.Grains.Interfaces.Events;

/// <summary>Live event "summons": a summons was issued or changed.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.SummonsChanged")]
public sealed record SummonsChanged(SummonsView Summons, IReadOnlyList<string> Scopes);
