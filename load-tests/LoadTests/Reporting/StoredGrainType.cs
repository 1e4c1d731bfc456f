namespace Dispatch.LoadTests.Reporting;

/// <summary>How much state one grain type keeps in the store after the run: rows and payload sizes in bytes.</summary>
public sealed record StoredGrainType(string GrainType, long Rows, double MeanBytes, long MaxBytes);
