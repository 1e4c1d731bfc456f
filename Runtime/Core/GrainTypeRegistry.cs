using System.Collections.Concurrent;
using System.Reflection;

namespace Dispatch.Runtime.Core;

/// <summary>Maps grain interfaces and type names to grain classes, and interface methods to invokers.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainTypeInfo> _byInterface = new();
    private readonly Dictionary<string, GrainTypeInfo> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<MethodInfo, MethodEntry> _methods = new();

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var type in assembly.GetTypes())
            {
                if (type.IsAbstract || !typeof(Grain).IsAssignableFrom(type)) continue;
                Add(type);
            }
        }
    }

    public IEnumerable<GrainTypeInfo> Types => _byName.Values;

    private void Add(Type classType)
    {
        var name = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultName(classType);
        if (_byName.TryGetValue(name, out var existing))
        {
            throw new InvalidOperationException(
                $"Grain classes {existing.ClassType.FullName} and {classType.FullName} share the grain type name '{name}'.");
        }
        var info = new GrainTypeInfo(name, classType, classType.IsDefined(typeof(ReentrantAttribute), false), StatesOf(classType));
        _byName[name] = info;
        foreach (var iface in classType.GetInterfaces())
        {
            if (!typeof(IGrainWithStringKey).IsAssignableFrom(iface) || iface == typeof(IGrainWithStringKey)) continue;
            if (_byInterface.TryGetValue(iface, out var other))
            {
                throw new InvalidOperationException(
                    $"Grain interface {iface.FullName} is implemented by both {other.ClassType.FullName} and {classType.FullName}.");
            }
            _byInterface[iface] = info;
        }
    }

    private static string DefaultName(Type classType)
    {
        var name = classType.Name.EndsWith("Grain", StringComparison.Ordinal) && classType.Name.Length > 5
            ? classType.Name[..^5]
            : classType.Name;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static List<PersistentStateParameter> StatesOf(Type classType)
    {
        var constructors = classType.GetConstructors();
        if (constructors.Length != 1)
        {
            throw new InvalidOperationException($"Grain class {classType.FullName} must have exactly one public constructor.");
        }
        var states = new List<PersistentStateParameter>();
        foreach (var p in constructors[0].GetParameters())
        {
            var attribute = p.GetCustomAttribute<PersistentStateAttribute>();
            if (attribute is null) continue;
            if (!p.ParameterType.IsGenericType || p.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"{classType.FullName}: parameter '{p.Name}' is marked [PersistentState] but is not IPersistentState<T>.");
            }
            states.Add(new PersistentStateParameter(attribute.StateName, p.ParameterType.GetGenericArguments()[0], p));
        }
        return states;
    }

    public GrainTypeInfo ForInterface(Type grainInterface)
        => _byInterface.TryGetValue(grainInterface, out var info) ? info : throw new UnknownGrainInterfaceException(grainInterface);

    public GrainTypeInfo? ForName(string name) => _byName.GetValueOrDefault(name);

    public MethodEntry Method(MethodInfo method) => _methods.GetOrAdd(method, MethodEntry.Create);
}
