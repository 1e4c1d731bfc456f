using NodaTime;

namespace Dispatch.LoadTests.Observations;

/// <summary>The silo was killed at <see cref="KilledAt"/> and answered /health again at <see cref="ReadyAt"/> (null: never).</summary>
public sealed record Outage(double KilledMs, Instant KilledAt, double? ReadyMs, Instant? ReadyAt);
