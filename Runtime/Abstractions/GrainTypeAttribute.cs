namespace Dispatch.Runtime;

/// <summary>
/// Names a grain class's type, used in grain ids, reminders and messages. Without it the name is the class
/// name less a trailing "Grain", camel-cased (CaseGrain → "case"). Keep it stable: stored reminders carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
