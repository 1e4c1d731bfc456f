namespace Dispatch.LoadTests.Bench;

/// <summary>The benchmark's grain: answers at once, no state.</summary>
public interface IPingGrain : Dispatch.Runtime.IGrainWithStringKey
{
    Task<int> Ping(int value);
}
