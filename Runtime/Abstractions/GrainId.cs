namespace Dispatch.Runtime;

/// <summary>The identity of one grain: its grain type name (see <see cref="GrainTypeAttribute"/>) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
