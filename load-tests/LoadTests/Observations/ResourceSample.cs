namespace Dispatch.LoadTests.Observations;

/// <summary>CPU (per cent of one core since the previous sample) and resident memory of a process at a moment.</summary>
public sealed record ResourceSample(string Process, int Pid, double AtMs, double CpuPercent, long RssBytes);
