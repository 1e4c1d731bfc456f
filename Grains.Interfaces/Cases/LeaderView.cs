using NodaTime;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>The leader who took the case (领导包案): a duty leader's role and name, or another actor.</summary>
public sealed record LeaderView(string Role, string Name, Instant TakenAt, string Reason);
