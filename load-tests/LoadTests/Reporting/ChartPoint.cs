namespace Dispatch.LoadTests.Reporting;

/// <summary>A point of a line chart.</summary>
public readonly record struct ChartPoint(double X, double Y);
