namespace Dispatch.Runtime;

/// <summary>No registered grain class implements the requested interface.</summary>
public sealed class UnknownGrainInterfaceException(Type grainInterface)
    : Exception($"No grain class implements {grainInterface.FullName}; register its assembly with AddGrains().")
{
    public Type GrainInterface { get; } = grainInterface;
}
