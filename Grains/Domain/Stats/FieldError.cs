namespace Dispatch.Grains.Domain.Stats;

/// <summary>Bad input: the offending query parameter (<c>scope</c>, <c>period</c>, <c>at</c>, <c>by</c>) and why.</summary>
public sealed record FieldError(string Field, string Message);
