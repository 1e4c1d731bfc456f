using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>The leader who took the case (领导包案): a duty leader's role and name, or another actor.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.LeaderView")]
public sealed record LeaderView(string Role, string Name, Instant TakenAt, string Reason);
