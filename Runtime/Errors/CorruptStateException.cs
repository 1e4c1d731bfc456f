namespace Dispatch.Runtime;

/// <summary>A stored state row could not be read back into its type; the message names the grain and state.</summary>
public sealed class CorruptStateException(GrainId grain, string stateName, Exception inner)
    : Exception($"Stored state '{stateName}' of grain {grain} is corrupt: {inner.Message}", inner)
{
    public GrainId Grain { get; } = grain;
}
