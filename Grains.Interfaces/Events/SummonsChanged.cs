using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Grains.Interfaces.Events;

/// <summary>Live event "summons": a summons was issued or changed.</summary>
public sealed record SummonsChanged(SummonsView Summons, IReadOnlyList<string> Scopes);
