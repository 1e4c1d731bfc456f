namespace Dispatch.LoadTests.Reporting;

/// <summary>A named, coloured line of a chart.</summary>
public sealed record ChartSeries(string Name, string Colour, IReadOnlyList<ChartPoint> Points);
