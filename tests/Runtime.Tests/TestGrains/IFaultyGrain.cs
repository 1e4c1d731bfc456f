namespace Dispatch.Runtime.Tests.TestGrains;

public interface IFaultyGrain : IGrainWithStringKey
{
    Task Throw(string message);
    ValueTask<int> ThrowFromValueTask(string message);
    Task Hang();
    Task<string> Echo(string text);
}
