using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>One step in a case's history: when, what kind (reported, whistled, acknowledged, escalated…), who, and a note.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.TimelineEntry")]
public sealed record TimelineEntry(Instant At, string Kind, string Actor, string? Note);
