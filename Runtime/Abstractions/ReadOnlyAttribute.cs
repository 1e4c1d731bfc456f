namespace Dispatch.Runtime;

/// <summary>
/// The interface method does not change grain state, so it may interleave with other messages at await points
/// (still single-threaded) and is exempt from call-cycle detection. A read-only method must not write state.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class ReadOnlyAttribute : Attribute;
