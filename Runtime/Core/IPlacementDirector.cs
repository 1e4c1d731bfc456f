namespace Dispatch.Runtime.Core;

/// <summary>
/// Decides which silo hosts a grain. There is one silo today, so every grain is local; a cluster would forward
/// non-local calls to the owning silo here.
/// </summary>
public interface IPlacementDirector
{
    /// <summary>Throws when <paramref name="grain"/> belongs to another silo (not supported yet).</summary>
    void EnsureLocal(GrainId grain);
}
