namespace Dispatch.Runtime.Storage;

/// <summary>A write or clear whose expected ETag did not match the stored one: somebody else wrote first.</summary>
public sealed class InconsistentStateException(string grainType, string grainKey, string? expectedETag, string? storedETag)
    : Exception($"ETag conflict on {grainType}/{grainKey}: expected '{expectedETag ?? "(none)"}' but the store holds '{storedETag ?? "(none)"}'.")
{
    public string GrainType { get; } = grainType;
    public string GrainKey { get; } = grainKey;
    public string? ExpectedETag { get; } = expectedETag;
    public string? StoredETag { get; } = storedETag;
}
