namespace Dispatch.Runtime.Tests.TestGrains;

public sealed class AlarmState
{
    public List<AlarmFiring> Firings { get; set; } = [];
}
