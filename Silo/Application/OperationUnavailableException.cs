namespace Dispatch.Silo.Application;

/// <summary>An operation that could not be done now but may succeed when tried again (answered 503 by the API).</summary>
public sealed class OperationUnavailableException(string message) : Exception(message);
