namespace Dispatch.Runtime.Tests.TestGrains;

public interface IUnserializableGrain : IGrainWithStringKey
{
    Task Take(Unserializable value);
}
