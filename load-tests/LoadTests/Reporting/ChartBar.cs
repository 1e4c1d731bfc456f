namespace Dispatch.LoadTests.Reporting;

/// <summary>A labelled bar of a bar chart.</summary>
public sealed record ChartBar(string Label, double Value);
