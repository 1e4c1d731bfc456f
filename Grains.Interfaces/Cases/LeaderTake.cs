using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>A leader took a case (领导包案): who, which case, when, why.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.LeaderTake")]
public sealed record LeaderTake(string CaseId, string TownshipId, string Role, string Name, Instant At, string Reason);
