using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>
/// Blow the whistle: summon <see cref="DepartmentIds"/> (null: the routing rules choose by category and territory).
/// <see cref="AckWithin"/> and <see cref="ArriveWithin"/> override the risk colour's deadlines (elapsed time, ≥ 1 s).
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch.WhistleCase")]
public sealed record WhistleCase(IReadOnlyList<string>? DepartmentIds, Duration? AckWithin, Duration? ArriveWithin, string? Note, Actor Actor);
