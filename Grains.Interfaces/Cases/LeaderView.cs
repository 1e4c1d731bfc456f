using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>
/// The leader who took the case (领导包案): a duty leader's role and name, or another actor. <see cref="ReasonCode"/>
/// says why as data when the engine made the take (major, ack, arrive, tier, manual); <see cref="Reason"/> is for people
/// who read the API (the duty leader's own words when a leader took it by hand).
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.LeaderView")]
public sealed record LeaderView(string Role, string Name, Instant TakenAt, string Reason, string? ReasonCode = null);
