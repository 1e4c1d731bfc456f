using System.Reflection;

namespace Dispatch.Runtime.Core;

/// <summary>What the runtime knows of one grain class.</summary>
internal sealed record GrainTypeInfo(string Name, Type ClassType, bool Reentrant, IReadOnlyList<PersistentStateParameter> States)
{
    public bool IsRemindable => typeof(IRemindable).IsAssignableFrom(ClassType);
}

/// <summary>A constructor parameter marked [PersistentState].</summary>
internal sealed record PersistentStateParameter(string StateName, Type StateType, ParameterInfo Parameter);
