namespace Dispatch.Runtime.Tests.TestGrains;

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="next"/>, which calls back <paramref name="back"/>.</summary>
    Task<string> CallThrough(string next, string back);

    Task<string> CallBack(string back);

    Task<string> Name();

    [AlwaysInterleave]
    Task<string> InterleavedName();

    Task<string> CallBackInterleaved(string back);

    Task<string> CallThroughInterleaved(string next, string back);
}
