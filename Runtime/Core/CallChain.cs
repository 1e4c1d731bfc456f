namespace Dispatch.Runtime.Core;

/// <summary>The grains waiting on each other in the current logical call, innermost first (an immutable list).</summary>
internal sealed class CallChain(GrainId grain, CallChain? caller)
{
    private static readonly AsyncLocal<CallChain?> CurrentChain = new();

    public GrainId Grain { get; } = grain;
    public CallChain? Caller { get; } = caller;

    /// <summary>The chain of the turn running on this logical flow; null outside grains.</summary>
    public static CallChain? Current
    {
        get => CurrentChain.Value;
        set => CurrentChain.Value = value;
    }

    public bool Contains(GrainId id)
    {
        for (var c = this; c is not null; c = c.Caller)
        {
            if (c.Grain == id) return true;
        }
        return false;
    }

    /// <summary>The path from the outermost caller to this grain, then <paramref name="target"/>.</summary>
    public List<GrainId> PathTo(GrainId target)
    {
        var path = new List<GrainId>();
        for (var c = this; c is not null; c = c.Caller) path.Add(c.Grain);
        path.Reverse();
        var start = path.IndexOf(target);
        if (start > 0) path.RemoveRange(0, start);
        path.Add(target);
        return path;
    }
}
