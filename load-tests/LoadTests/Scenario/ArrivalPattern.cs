namespace Dispatch.LoadTests.Scenario;

/// <summary>How whistles are spread over the surge: evenly, or as a Poisson process (random, bursty).</summary>
public enum ArrivalPattern
{
    Uniform,
    Poisson,
}
