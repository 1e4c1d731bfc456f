using NodaTime;

namespace Dispatch.LoadTests.Seeding;

/// <summary>What history to make up: <paramref name="Cases"/> cases reported between <paramref name="From"/> and
/// <paramref name="Until"/> (the "now" of the history), all drawn from <paramref name="Seed"/>.</summary>
public sealed record HistorySpec(int Cases, Instant From, Instant Until, int Seed)
{
    /// <summary><paramref name="years"/> years (365 days each) ending at <paramref name="until"/>.</summary>
    public static HistorySpec Ending(Instant until, double years, int cases, int seed) =>
        new(cases, until - Duration.FromSeconds(Math.Round(years * 365 * 86_400)), until, seed);
}
