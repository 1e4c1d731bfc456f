using System.Reflection;

namespace Dispatch.Runtime.Hosting;

/// <summary>The assemblies scanned for grain classes; every AddDispatchRuntime call adds to it.</summary>
internal sealed class GrainAssemblies
{
    public List<Assembly> Assemblies { get; } = [];
}
