namespace Dispatch.Silo.Hosting;

/// <summary>The silo cannot start: the message is one line naming the setting, file or store at fault.</summary>
public sealed class SiloStartupException(string message, Exception? inner = null) : Exception(message, inner);
