namespace Dispatch.Runtime;

/// <summary>Every grain reference also implements this: the identity it points at.</summary>
public interface IGrainReference
{
    GrainId GrainId { get; }
}
