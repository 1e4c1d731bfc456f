namespace Dispatch.LoadTests.Surge;

/// <summary>One whistle decided before the run: when, where, what and how urgent.</summary>
public sealed record WhistlePlan(int Index, double OffsetMs, string GridId, string TownshipId, string Category, string Risk);
