using Dispatch.LoadTests.Observations;
using NodaTime;

namespace Dispatch.LoadTests.Tests.Analysis;

/// <summary>Builds synthetic observations: whistles with their summonses, what the live channel showed, and what the store holds.</summary>
internal sealed class SyntheticRun
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 22, 0, 30);

    public List<WhistleObservation> Whistles { get; } = [];
    public List<LiveSummons> Live { get; } = [];
    public List<LiveEscalation> Escalations { get; } = [];
    public List<BotAction> Actions { get; } = [];
    public List<StoredCase> Stored { get; } = [];
    public List<Outage> Outages { get; } = [];
    public HashSet<string> Silent { get; } = [];
    public Instant VerifiedAt { get; set; } = Start + Duration.FromSeconds(30);

    public static Instant At(double seconds) => Start + Duration.FromMilliseconds(seconds * 1000);

    /// <summary>An accepted whistle at <paramref name="second"/> summoning <paramref name="departments"/> (ack due 15 s later).</summary>
    public List<IssuedSummons> Whistle(string caseId, double second, params string[] departments)
    {
        var summonses = departments.Select((d, i) => new IssuedSummons($"{caseId}-s{i}", caseId, d, 0, At(second), At(second + 15), At(second + 60))).ToList();
        Whistles.Add(new WhistleObservation(Whistles.Count, "g1", "t1", "neighbourDispute", "blue", second * 1000, caseId,
            second * 1000, second * 1000 + 5, second * 1000 + 5, second * 1000 + 12, 0, null, summonses));
        return summonses;
    }

    public void SeeLive(IssuedSummons s, double afterMs = 20, string state = "issued", int version = 1) =>
        Live.Add(new LiveSummons(s.Id, s.CaseId, s.DepartmentId, state, s.EscalationLevel, version, s.AckDueAt, s.ArriveDueAt,
            (s.IssuedAt - Start).TotalMilliseconds + afterMs));

    public void SeeAllLive(IEnumerable<IssuedSummons> summonses)
    {
        foreach (var s in summonses) SeeLive(s);
    }

    /// <summary>Stores the case with these summonses (all still issued unless changed with <paramref name="change"/>).</summary>
    public void Store(string caseId, IEnumerable<IssuedSummons> summonses, Func<StoredSummons, StoredSummons>? change = null) =>
        Stored.Add(new StoredCase(caseId, summonses.Select(s =>
        {
            var stored = new StoredSummons(s.Id, s.DepartmentId, "acknowledged", s.EscalationLevel, null, s.IssuedAt, s.AckDueAt, s.ArriveDueAt,
                s.IssuedAt + Duration.FromSeconds(2), null);
            return change is null ? stored : change(stored);
        }).ToList(), null));

    public SurgeObservations Observations() => new()
    {
        StartedAt = Start,
        LastSendMs = Whistles.Select(w => w.CaseSentMs ?? 0).DefaultIfEmpty(0).Max(),
        VerifiedAt = VerifiedAt,
        Whistles = Whistles,
        LiveSummonses = Live,
        LiveEscalations = Escalations,
        BotActions = Actions,
        StoredCases = Stored,
        Outages = Outages,
        SilentDepartments = Silent,
    };
}
