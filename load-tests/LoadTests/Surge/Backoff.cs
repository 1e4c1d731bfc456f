namespace Dispatch.LoadTests.Surge;

/// <summary>Waits between attempts: 100 ms doubling to 1 s.</summary>
public static class Backoff
{
    public static TimeSpan After(int attempt) => TimeSpan.FromMilliseconds(Math.Min(1_000, 100 * Math.Pow(2, Math.Min(attempt, 10))));
}
