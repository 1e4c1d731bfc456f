namespace Dispatch.LoadTests.Baselines;

/// <summary>A measured rate, or null with the reason it was not measured.</summary>
public sealed record BaselineFigure(double? PerSecond, string Note);
