namespace Dispatch.LoadTests.Surge;

/// <summary>The silo refused a step of a whistle (4xx): it is recorded as failed, not retried.</summary>
public sealed class WhistleFailedException(string message) : Exception(message);
