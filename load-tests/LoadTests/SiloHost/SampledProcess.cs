namespace Dispatch.LoadTests.SiloHost;

/// <summary>A named group of processes to sample (its pids may change between samples, e.g. a restarted silo).</summary>
public sealed record SampledProcess(string Name, Func<IReadOnlyList<int>> Pids);
