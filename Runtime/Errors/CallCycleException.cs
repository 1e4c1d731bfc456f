namespace Dispatch.Runtime;

/// <summary>
/// A call would re-enter a non-reentrant grain that is waiting further up the same call chain (A → B → A), which
/// would deadlock; the message names the cycle.
/// </summary>
public sealed class CallCycleException(IReadOnlyList<GrainId> cycle, string method)
    : InvalidOperationException($"Call cycle detected: {string.Join(" → ", cycle)} (calling {method}). "
        + "Mark the method [AlwaysInterleave] or [ReadOnly], or the grain [Reentrant], if this is intended.")
{
    public IReadOnlyList<GrainId> Cycle { get; } = cycle;
}
