using System.Reflection;

namespace Dispatch.Runtime.Core;

/// <summary>
/// The object behind every grain reference: an interface proxy that turns each call into a message.
/// Public only because <see cref="DispatchProxy"/> requires it; create references with <see cref="IGrainFactory"/>.
/// </summary>
public class GrainReferenceProxy : DispatchProxy, IGrainReference
{
    private GrainRuntime? _runtime;

    /// <inheritdoc />
    public GrainId GrainId { get; private set; }

    internal void Bind(GrainRuntime runtime, GrainId id)
    {
        _runtime = runtime;
        GrainId = id;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return _runtime!.Invoke(GrainId, targetMethod, args ?? []);
    }

    public override string ToString() => $"GrainReference({GrainId})";
}
