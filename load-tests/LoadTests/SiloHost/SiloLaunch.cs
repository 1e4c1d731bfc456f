namespace Dispatch.LoadTests.SiloHost;

/// <summary>How to start the silo: its dll, the loopback port, its environment, and where its output goes.</summary>
public sealed record SiloLaunch(string Dll, int Port, IReadOnlyDictionary<string, string> Environment, string LogFile)
{
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");
}
