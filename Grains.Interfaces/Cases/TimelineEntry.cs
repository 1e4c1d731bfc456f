using NodaTime;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>One step in a case's history: when, what kind (reported, whistled, acknowledged, escalated…), who, and a note.</summary>
public sealed record TimelineEntry(Instant At, string Kind, string Actor, string? Note);
