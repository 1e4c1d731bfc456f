using Dispatch.Grains.Interfaces.Model;
using Dispatch.LoadTests.Distributions;

namespace Dispatch.LoadTests.Scenario;

/// <summary>Everything one surge run needs, checked (see <see cref="SurgeOptionsParser"/>).</summary>
public sealed record SurgeOptions
{
    public required CitySource City { get; init; }

    /// <summary>Running silos to drive, requests spread round robin; empty when <see cref="Start"/> is set.</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];

    /// <summary>With <see cref="Start"/>: how many silos to start on the store (several only with PostgreSQL).</summary>
    public int Silos { get; init; } = 1;

    /// <summary>Start silos as child processes on this store; null when <see cref="Urls"/> are given.</summary>
    public StoreKind? Start { get; init; }

    /// <summary>
    /// An Npgsql connection string. With <c>--start postgres</c>: the database to run on instead of a throwaway cluster.
    /// With <c>--url</c>: the silos' database, for the pgbench baseline.
    /// </summary>
    public string? Postgres { get; init; }

    /// <summary>The silo's built Dispatch.Silo.dll; found (or built) under the repository when null.</summary>
    public string? SiloDll { get; init; }

    /// <summary>The silo's process id for CPU and memory sampling with <see cref="Urls"/>.</summary>
    public int? SiloPid { get; init; }

    /// <summary>Extra environment variables for a started silo.</summary>
    public IReadOnlyDictionary<string, string> SiloEnvironment { get; init; } = new Dictionary<string, string>();

    public int Whistles { get; init; } = 1_000;

    /// <summary>Whistles sent before the surge to warm the silo up (not measured).</summary>
    public int Warmup { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public ArrivalPattern Arrivals { get; init; } = ArrivalPattern.Poisson;

    public required WeightedMix<Category> CategoryMix { get; init; }

    public required WeightedMix<RiskColour> RiskMix { get; init; }

    /// <summary>The whistle's ackWithin override; null leaves the risk colour's policy.</summary>
    public TimeSpan? AckWithin { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The whistle's arriveWithin override; null leaves the risk colour's policy.</summary>
    public TimeSpan? ArriveWithin { get; init; } = TimeSpan.FromSeconds(60);

    public required IDelayDistribution AckDelay { get; init; }

    public required IDelayDistribution ArriveDelay { get; init; }

    /// <summary>The share of departments (0..1) that never answer, so their summonses escalate.</summary>
    public double SilentShare { get; init; } = 0.1;

    public int Seed { get; init; } = 1;

    public required string ReportDirectory { get; init; }

    public ChaosMode Chaos { get; init; } = ChaosMode.None;

    /// <summary>When the kill happens, as a share of <see cref="Duration"/>.</summary>
    public double ChaosAt { get; init; } = 0.5;

    /// <summary>How long the silo stays dead before it is started again.</summary>
    public TimeSpan ChaosDown { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whistles in flight at most.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Department bot answers (ack, arrive) in flight at most.</summary>
    public int BotConcurrency { get; init; } = 256;

    /// <summary>How long to keep listening and answering after the last whistle; null: ackWithin + 5 s (15 s without one).</summary>
    public TimeSpan? Drain { get; init; }

    /// <summary>How long after the drain before summonses not seen are looked up in the store.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Run the pgbench and grain-call baselines.</summary>
    public bool Baselines { get; init; } = true;

    public TimeSpan PgbenchDuration { get; init; } = TimeSpan.FromSeconds(10);

    public int PgbenchClients { get; init; } = 4;

    /// <summary>
    /// With <see cref="Start"/>: the silo deactivates activations idle this long, and after the run the simulator waits
    /// for that and measures memory per idle open case. Null: not measured.
    /// </summary>
    public TimeSpan? IdleAge { get; init; }

    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Show a live progress display (off in tests and when output is redirected).</summary>
    public bool Interactive { get; init; } = true;

    /// <summary>How the run was asked for, for the report.</summary>
    public string CommandLine { get; init; } = "";

    public TimeSpan EffectiveDrain => Drain ?? (AckWithin is { } ack ? ack + TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(15));
}
