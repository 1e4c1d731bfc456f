namespace Dispatch.LoadTests.Reporting;

/// <summary>The city the surge ran on.</summary>
public sealed record CityInfo(string Source, string CityId, string Name, int Counties, int Townships, int Grids, int Departments);
