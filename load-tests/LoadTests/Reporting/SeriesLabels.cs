using Dispatch.LoadTests.Analysis;

namespace Dispatch.LoadTests.Reporting;

/// <summary>What each latency series measures, for people.</summary>
public static class SeriesLabels
{
    public static IReadOnlyList<(string Key, string Label)> Ordered { get; } =
    [
        (SurgeFindings.WhistleAccepted, "whistle accepted (POST whistle → 200)"),
        (SurgeFindings.CaseAndWhistle, "case + whistle (POST case → whistle 200)"),
        (SurgeFindings.SummonsVisible, "summons visible live (whistle sent → SSE summons)"),
        (SurgeFindings.AckAccepted, "ack accepted (POST ack → 200)"),
        (SurgeFindings.AckRoundTrip, "ack round trip (POST ack → SSE acknowledged)"),
        (SurgeFindings.ArriveAccepted, "arrive accepted (POST arrive → 200)"),
        (SurgeFindings.ScheduleLag, "schedule lag (planned → sent)"),
    ];

    public static string Of(string key) => Ordered.FirstOrDefault(o => o.Key == key).Label ?? key;
}
