using NodaTime;

namespace Dispatch.LoadTests.Observations;

/// <summary>
/// A silo was killed at <see cref="KilledAt"/>. Alone, it answered /health again at <see cref="ReadyAt"/> after its
/// restart; one of several (<see cref="Failover"/>), its cases answered again through the others at <see cref="ReadyAt"/>.
/// Null: never.
/// </summary>
public sealed record Outage(double KilledMs, Instant KilledAt, double? ReadyMs, Instant? ReadyAt, bool Failover = false);
