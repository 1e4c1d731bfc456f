using NodaTime;

namespace Dispatch.Runtime.Storage;

/// <summary>One grain state row as stored: the payload is UTF-8 JSON, the ETag changes on every write.</summary>
public sealed record StoredState(string GrainType, string GrainKey, string ETag, string Payload, Instant Modified);
