namespace Dispatch.Runtime.Core;

/// <summary>Single-silo placement: every grain activates here.</summary>
public sealed class LocalPlacementDirector : IPlacementDirector
{
    public void EnsureLocal(GrainId grain)
    {
    }
}
