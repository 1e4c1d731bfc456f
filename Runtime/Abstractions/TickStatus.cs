using NodaTime;

namespace Dispatch.Runtime;

/// <summary>When a reminder was due and when it was delivered (by the silo's <see cref="IClock"/>).</summary>
public sealed record TickStatus(Instant DueAt, Instant FiredAt, Duration? Period);
