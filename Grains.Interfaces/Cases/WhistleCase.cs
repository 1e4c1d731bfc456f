using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>
/// Blow the whistle: summon <see cref="DepartmentIds"/> (null: the routing rules choose by category and territory).
/// <see cref="AckWithin"/> and <see cref="ArriveWithin"/> override the risk colour's deadlines (elapsed time, ≥ 1 s).
/// <see cref="RequestId"/> (the client's Idempotency-Key) makes a retry of the same whistle answer what the first one
/// issued, even when those summonses have moved on (escalated, declined) meanwhile.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.WhistleCase")]
public sealed record WhistleCase(IReadOnlyList<string>? DepartmentIds, Duration? AckWithin, Duration? ArriveWithin, string? Note, Actor Actor,
    string? RequestId = null);
