namespace Dispatch.LoadTests.Api;

/// <summary>One Server-Sent Events message (<see cref="Event"/> defaults to "message"), or a comment line.</summary>
public sealed record SseMessage(string Event, string Data, bool IsComment = false);
