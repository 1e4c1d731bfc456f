namespace Dispatch.Runtime;

/// <summary>
/// Calls to this interface method may interleave with any other message at await points (still single-threaded),
/// and are exempt from call-cycle detection.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AlwaysInterleaveAttribute : Attribute;
