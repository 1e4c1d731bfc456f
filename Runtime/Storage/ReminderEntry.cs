using NodaTime;

namespace Dispatch.Runtime.Storage;

/// <summary>
/// A durable reminder: grain (type, key) and its name identify it; <see cref="DueAt"/> is when it fires next
/// (second precision); <see cref="Period"/> null means it fires once and is then removed.
/// </summary>
public sealed record ReminderEntry(string GrainType, string GrainKey, string Name, Instant DueAt, Duration? Period, string ETag);
