namespace Dispatch.Runtime.Tests.TestGrains;

public sealed class UnserializableGrain : Grain, IUnserializableGrain
{
    public Task Take(Unserializable value) => Task.CompletedTask;
}
