namespace Dispatch.LoadTests.Scenario;

/// <summary>The surge command's options as typed, before checking (see <see cref="SurgeOptionsParser"/>).</summary>
public sealed record SurgeArguments
{
    public string? City { get; init; }
    public string? Generate { get; init; }
    public string? Url { get; init; }
    public string? Start { get; init; }
    public int Silos { get; init; } = 1;
    public string? Postgres { get; init; }
    public string? SiloDll { get; init; }
    public int? SiloPid { get; init; }
    public IReadOnlyList<string> SiloEnv { get; init; } = [];
    public int Whistles { get; init; } = 1_000;
    public int Warmup { get; init; } = 100;
    public double Seconds { get; init; } = 60;
    public string Arrivals { get; init; } = "poisson";
    public string? CategoryMix { get; init; }
    public string RiskMix { get; init; } = "blue=70,orange=20,red=10";
    public string AckWithin { get; init; } = "PT15S";
    public string ArriveWithin { get; init; } = "PT60S";
    public string AckDelay { get; init; } = "lognormal:median=2s,p99=10s";
    public string ArriveDelay { get; init; } = "lognormal:median=5s,p99=30s";
    public double SilentShare { get; init; } = 0.1;
    public int Seed { get; init; } = 1;
    public string? Report { get; init; }
    public string Chaos { get; init; } = "none";
    public double ChaosAt { get; init; } = 0.5;
    public string ChaosDown { get; init; } = "5s";
    public int Concurrency { get; init; } = 64;
    public int BotConcurrency { get; init; } = 256;
    public string? Drain { get; init; }
    public string Grace { get; init; } = "5s";
    public bool NoBaselines { get; init; }
    public string PgbenchDuration { get; init; } = "10s";
    public string? IdleAge { get; init; }
    public string SampleInterval { get; init; } = "1s";
    public bool NoProgress { get; init; }
    public string CommandLine { get; init; } = "";
}
