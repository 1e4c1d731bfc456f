namespace Dispatch.LoadTests.Surge;

/// <summary>The surge could not be set up (no silo, no tokens, wrong city); the message says what to do.</summary>
public sealed class SurgeSetupException(string message, Exception? inner = null) : Exception(message, inner);
