namespace Dispatch.Runtime.Tests.TestGrains;

public sealed class CounterState
{
    public int Value { get; set; }
    public int Activations { get; set; }
}
