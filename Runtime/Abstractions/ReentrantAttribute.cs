namespace Dispatch.Runtime;

/// <summary>
/// Every message to this grain class may interleave with others at await points. The grain's code still
/// never runs on two threads at once.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;
