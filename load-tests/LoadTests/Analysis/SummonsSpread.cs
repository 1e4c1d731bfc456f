namespace Dispatch.LoadTests.Analysis;

/// <summary>Summonses per accepted whistle: fewest, mean, most (all 0 with no whistle).</summary>
public sealed record SummonsSpread(int Min, double Mean, int Max);
