namespace Dispatch.LoadTests.Reporting;

/// <summary>How the surge was set up: target, store, city, scenario and machine.</summary>
public sealed record RunInfo(
    DateTimeOffset StartedAt,
    string Target,
    string Store,
    CityInfo City,
    int Whistles,
    int Warmup,
    double Seconds,
    string Arrivals,
    string CategoryMix,
    string RiskMix,
    string AckWithin,
    string ArriveWithin,
    string AckDelay,
    string ArriveDelay,
    double SilentShare,
    int Seed,
    string Chaos,
    int Concurrency,
    int BotConcurrency,
    double DrainSeconds,
    double GraceSeconds,
    int Cores,
    string Os,
    string Runtime,
    string CommandLine);
