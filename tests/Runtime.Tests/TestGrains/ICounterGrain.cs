namespace Dispatch.Runtime.Tests.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();
    Task<int> Get();
    Task<int> OverlapsSeen();
    Task<int> ActivationCount();
}
