namespace Dispatch.Runtime;

/// <summary>A grain call got no answer within the silo's call timeout.</summary>
public sealed class GrainCallTimeoutException(GrainId target, string method, TimeSpan timeout)
    : TimeoutException($"Call to {target}.{method} timed out after {timeout.TotalSeconds:0.###} s.")
{
    public GrainId Target { get; } = target;
    public string Method { get; } = method;
}
