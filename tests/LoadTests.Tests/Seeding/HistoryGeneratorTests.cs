using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Domain.Identifiers;
using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.LoadTests.Seeding;
using NodaTime;

namespace Dispatch.LoadTests.Tests.Seeding;

public sealed class HistoryGeneratorTests
{
    /// <summary>A Wednesday, 10:30 in Asia/Shanghai: the last hour of the history has fresh, untouched cases.</summary>
    private static readonly Instant Until = Instant.FromUtc(2026, 11, 25, 2, 30);

    private static readonly Lazy<CityModel> Baotou = new(() => CityLoader.Load(Path.Combine(CityLoader.DataDirectory, "city-baotou.json")));

    private static readonly Lazy<IReadOnlyList<GeneratedCase>> Month = new(() => Generate(3_000, days: 30, seed: 7));

    private static IReadOnlyList<GeneratedCase> Generate(int cases, double days, int seed) =>
        new HistoryGenerator(Baotou.Value, HistorySpec.Ending(Until, days / 365, cases, seed)).All().ToList();

    [Fact]
    public void SameSeed_SameHistory_OtherSeed_Another()
    {
        var a = Generate(400, 20, seed: 3);
        var b = Generate(400, 20, seed: 3);
        var c = Generate(400, 20, seed: 4);
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.NotEqual(Fingerprint(a), Fingerprint(c));
    }

    [Fact]
    public void Day_ByItself_EqualsThatDayOfTheWhole()
    {
        var generator = new HistoryGenerator(Baotou.Value, HistorySpec.Ending(Until, 10.0 / 365, 300, 5));
        var whole = generator.All().ToList();
        var day = 4;
        var skip = Enumerable.Range(0, day).Sum(generator.CasesOn);
        Assert.Equal(Fingerprint(whole.Skip(skip).Take(generator.CasesOn(day)).ToList()), Fingerprint(generator.Day(day)));
    }

    [Fact]
    public void MakesExactlyTheCasesAsked_WithinTheSpan_IdsUniqueAndIncreasing()
    {
        var cases = Month.Value;
        Assert.Equal(3_000, cases.Count);
        var spec = HistorySpec.Ending(Until, 30.0 / 365, 3_000, 7);
        Assert.All(cases, c => Assert.InRange(c.View.CreatedAt, spec.From, spec.Until));
        Assert.All(cases, c => Assert.True(CaseId.TryParse(c.View.Id, out var date, out _) && date == StatsPeriods.DayOf(c.View.CreatedAt), c.View.Id));
        for (var i = 1; i < cases.Count; i++)
        {
            Assert.True(cases[i - 1].View.CreatedAt <= cases[i].View.CreatedAt);
            Assert.True(Sequence(cases[i - 1]).CompareTo(Sequence(cases[i])) < 0, cases[i].View.Id);
        }
        Assert.Equal(cases.Count, cases.Select(c => c.View.Id).Distinct().Count());
    }

    [Fact]
    public void EveryState_TierAndRisk_Appears()
    {
        var cases = Month.Value;
        foreach (var state in Enum.GetValues<CaseState>()) Assert.Contains(cases, c => c.View.State == state);
        foreach (var tier in Enum.GetValues<CaseTier>()) Assert.Contains(cases, c => c.View.Tier == tier);
        foreach (var risk in Enum.GetValues<RiskColour>()) Assert.Contains(cases, c => c.View.Risk == risk);
        Assert.Contains(cases, c => c.IsOpen && c.View.DueAt < Until);
        Assert.Contains(cases, c => c.View.Level == CenterLevel.County);
        Assert.Contains(cases, c => c.View.Level == CenterLevel.City);
        Assert.Contains(cases, c => c.View.Leader is not null);
        Assert.Contains(cases, c => c.View.Satisfaction is not null);
    }

    [Fact]
    public void MostHistoricCasesAreFinished_AFewPercentOpen()
    {
        var cases = Generate(5_000, 365, seed: 11);
        var open = cases.Count(c => c.IsOpen) / (double)cases.Count;
        var finished = cases.Count(c => c.View.State is CaseState.Closed or CaseState.FollowedUp) / (double)cases.Count;
        Assert.InRange(open, 0.005, 0.08);
        Assert.True(finished > 0.85, $"{finished:P1} closed or followed up");
    }

    [Fact]
    public void WhistledCases_HaveThreeToFiveSummonses_OthersNone()
    {
        foreach (var c in Month.Value)
        {
            var whistled = c.View.Timeline.Any(e => e.Kind == "whistled");
            if (whistled) Assert.InRange(c.View.Summonses.Count, HistoryGenerator.MinSummonses, HistoryGenerator.MaxSummonses);
            else Assert.Empty(c.View.Summonses);
        }
        Assert.Contains(Month.Value, c => c.View.Summonses.Count == 5);
        Assert.Contains(Month.Value, c => c.View.Summonses.Any(s => s.EscalationLevel > 0));
    }

    [Fact]
    public void Facts_AreWhatTheEngineComputesFromTheView()
    {
        foreach (var c in Month.Value)
        {
            var expected = CaseStatsFacts.Of(c.View);
            Assert.Equal(expected.Count, c.Facts.Count);
            foreach (var (key, totals) in expected) Assert.Equal(totals, c.Facts[key]);
        }
    }

    [Fact]
    public void Summonses_AreConsistentWithTheirCase()
    {
        foreach (var c in Month.Value)
        {
            Assert.Equal(c.View.Summonses.Count, c.View.Summonses.Select(s => s.Id).Distinct().Count());
            foreach (var s in c.View.Summonses)
            {
                Assert.True(SummonsId.TryParse(s.Id, out var caseId, out _) && caseId == c.View.Id);
                Assert.True(s.AckDueAt >= s.IssuedAt && s.ArriveDueAt >= s.AckDueAt);
                if (s.AckedAt is { } acked) Assert.True(acked >= s.IssuedAt && acked <= s.AckDueAt);
                if (s.IsOpen) Assert.True(c.IsOpen, $"{s.Id} is open on a finished case");
                if (s.State == SummonsState.Escalated)
                    Assert.True(s.EscalatedTo is not null || c.View.Leader is not null, $"{s.Id} escalated to nobody");
            }
            Assert.Equal(c.View.Timeline.Count(e => e.Kind == "escalated"), c.Escalations);
        }
    }

    [Fact]
    public void NoOpenSummons_IsPastItsDeadline()
    {
        // The engine escalates a summons at its deadline (within the sweep's couple of seconds): a generated history
        // must not hold one it would have escalated.
        var lateness = Duration.FromSeconds(2);
        foreach (var s in Month.Value.SelectMany(c => c.View.Summonses))
        {
            if (s.State == SummonsState.Issued) Assert.True(s.AckDueAt + lateness > Until, s.Id);
            if (s.State == SummonsState.Acknowledged) Assert.True(s.ArriveDueAt + lateness > Until, s.Id);
        }
    }

    [Fact]
    public void Rejects_NoCasesOrAnEmptySpan()
    {
        Assert.Throws<ArgumentException>(() => new HistoryGenerator(Baotou.Value, new HistorySpec(0, Until - Duration.FromDays(1), Until, 1)));
        Assert.Throws<ArgumentException>(() => new HistoryGenerator(Baotou.Value, new HistorySpec(10, Until, Until, 1)));
    }

    private static (LocalDate, long) Sequence(GeneratedCase c) =>
        CaseId.TryParse(c.View.Id, out var date, out var sequence) ? (date, sequence) : throw new FormatException(c.View.Id);

    private static string Fingerprint(IReadOnlyList<GeneratedCase> cases) => string.Join('\n', cases.Select(c =>
        $"{c.View.Id} {c.View.GridId} {c.View.State} {c.View.CenterId} {c.View.Version} {c.View.DueAt} {c.View.Satisfaction} " +
        string.Join(',', c.View.Summonses.Select(s => $"{s.Id}:{s.DepartmentId}:{s.State}:{s.AckedAt}:{s.ArrivedAt}")) + " " + c.Facts.Count));
}
