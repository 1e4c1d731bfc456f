using Orleans;
namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>A grid cell's cases: the open ones now and how many were reported and resolved there in all.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.GridView")]
public sealed record GridView(string GridId, IReadOnlyList<CaseSummary> OpenCases, int Reported, int Resolved);
