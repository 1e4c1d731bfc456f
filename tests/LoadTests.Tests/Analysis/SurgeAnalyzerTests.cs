using Dispatch.LoadTests.Analysis;
using Dispatch.LoadTests.Observations;

namespace Dispatch.LoadTests.Tests.Analysis;

public sealed class SurgeAnalyzerTests
{
    [Fact]
    public void CleanRun_NothingLostOrDuplicated()
    {
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "pol", "jud", "med");
        var b = run.Whistle("c2", 2, "pol", "hr", "jud", "lab");
        run.SeeAllLive(a);
        run.SeeAllLive(b);
        run.Store("c1", a);
        run.Store("c2", b);

        var f = SurgeAnalyzer.Analyze(run.Observations());

        Assert.True(f.Passed);
        Assert.Equal((2, 7, 7, 0, 0), (f.Counts.Accepted, f.Counts.Summoned, f.Counts.SeenLive, f.Counts.Lost, f.Counts.Duplicated));
        Assert.Equal(new SummonsSpread(3, 3.5, 4), f.SummonsesPerWhistle);
        Assert.Equal(7, f.Latencies[SurgeFindings.SummonsVisible].Length);
        Assert.All(f.Latencies[SurgeFindings.SummonsVisible], v => Assert.Equal(15, v)); // sent at +5 ms, seen at +20 ms
        Assert.All(f.Latencies[SurgeFindings.WhistleAccepted], v => Assert.Equal(7, v));
        Assert.All(f.Latencies[SurgeFindings.CaseAndWhistle], v => Assert.Equal(12, v));
    }

    [Fact]
    public void MissedLive_ButStored_IsNotLost()
    {
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "pol", "jud", "med");
        run.SeeLive(a[0]);
        run.Store("c1", a);

        var f = SurgeAnalyzer.Analyze(run.Observations());

        Assert.Empty(f.Lost);
        Assert.Equal((1, 2), (f.Counts.SeenLive, f.Counts.SeenOnlyInStore));
    }

    [Fact]
    public void NeitherLiveNorStored_IsLost()
    {
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "pol", "jud", "med");
        run.SeeLive(a[0]);
        run.Store("c1", a.Take(2));

        var f = SurgeAnalyzer.Analyze(run.Observations());

        var lost = Assert.Single(f.Lost);
        Assert.Equal("c1", lost.CaseId);
        Assert.Equal(["c1-s2"], lost.MissingSummonsIds);
        Assert.Contains("1 of 3 summonses neither seen live nor stored", lost.Reason, StringComparison.Ordinal);
        Assert.False(f.Passed);
    }

    [Fact]
    public void UnreadableCase_WithSummonsesMissingLive_IsLost_WithTheError()
    {
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "pol");
        run.Stored.Add(new StoredCase("c1", [], "404 no such case"));

        var lost = Assert.Single(SurgeAnalyzer.Analyze(run.Observations()).Lost);
        Assert.Contains("could not be read back: 404 no such case", lost.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptedWhistleWithoutSummonses_IsLost_AndFailedWhistlesAreNot()
    {
        var run = new SyntheticRun();
        run.Whistle("c1", 1);
        run.Whistles.Add(new WhistleObservation(1, "g", "t", "other", "blue", 0, null, 0, null, null, null, 3, "gave up", []));

        var f = SurgeAnalyzer.Analyze(run.Observations());

        Assert.Equal("the whistle was accepted but returned no summons", Assert.Single(f.Lost).Reason);
        Assert.Equal((2, 1, 1, 1), (f.Counts.Scheduled, f.Counts.Accepted, f.Counts.Failed, f.Counts.Retried));
    }

    [Fact]
    public void NewSummonsAnnouncedTwice_IsDuplicated_ButLaterVersionsAreNot()
    {
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "pol");
        run.SeeLive(a[0]);
        run.SeeLive(a[0], afterMs: 30);
        run.SeeLive(a[0], afterMs: 2_000, state: "acknowledged", version: 2);
        run.Store("c1", a);

        var d = Assert.Single(SurgeAnalyzer.Analyze(run.Observations()).Duplicates);
        Assert.Equal(DuplicateKind.SummonsAnnouncedTwice, d.Kind);
        Assert.Equal("c1-s0", d.Subject);
    }

    [Fact]
    public void DepartmentSummonedTwiceAtLevelZero_IsDuplicated()
    {
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "pol", "jud");
        run.SeeAllLive(a);
        var extra = new IssuedSummons("c1-s9", "c1", "pol", 0, a[0].IssuedAt, a[0].AckDueAt, a[0].ArriveDueAt);
        run.Store("c1", [.. a, extra]);

        var d = Assert.Single(SurgeAnalyzer.Analyze(run.Observations()).Duplicates);
        Assert.Equal(DuplicateKind.DepartmentSummonedTwice, d.Kind);
        Assert.Equal(("c1", "pol"), (d.CaseId, d.Subject));
        Assert.Equal(["c1-s0", "c1-s9"], d.Ids);
    }

    [Fact]
    public void SharedCountyCounterpartAtLevelOne_IsNotDuplicated()
    {
        // Judicial office and mediation committee both escalate to the county justice bureau: two summonses, legitimately.
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "t-jud", "t-med");
        run.SeeAllLive(a);
        var up0 = new IssuedSummons("c1-s2", "c1", "county-jus", 1, SyntheticRun.At(16), SyntheticRun.At(31), SyntheticRun.At(76));
        var up1 = new IssuedSummons("c1-s3", "c1", "county-jus", 1, SyntheticRun.At(16), SyntheticRun.At(31), SyntheticRun.At(76));
        run.SeeLive(up0);
        run.SeeLive(up1);
        run.Escalations.Add(new LiveEscalation("c1", "ack", "c1-s0", "c1-s2", "county-jus", 1, SyntheticRun.At(16), SyntheticRun.At(16.2), 15_300));
        run.Escalations.Add(new LiveEscalation("c1", "ack", "c1-s1", "c1-s3", "county-jus", 1, SyntheticRun.At(16), SyntheticRun.At(16.2), 15_300));
        run.Store("c1", [.. a, up0, up1], s => s.Id switch
        {
            "c1-s0" => s with { State = "escalated", EscalatedTo = "c1-s2", AckedAt = null },
            "c1-s1" => s with { State = "escalated", EscalatedTo = "c1-s3", AckedAt = null },
            _ => s,
        });

        var f = SurgeAnalyzer.Analyze(run.Observations());

        Assert.Empty(f.Duplicates);
        Assert.Equal(2, f.Counts.Escalated);
        Assert.Equal([200.0, 200.0], f.EscalationLateness);
    }

    [Fact]
    public void OneSummonsEscalatedIntoTwo_IsDuplicated_AsIsARepeatedEscalationEvent()
    {
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "pol");
        run.SeeAllLive(a);
        var e = new LiveEscalation("c1", "ack", "c1-s0", "c1-s1", "psb", 1, SyntheticRun.At(16), SyntheticRun.At(16.1), 15_200);
        run.Escalations.Add(e);
        run.Escalations.Add(e with { ReceivedMs = 15_300 });
        run.Escalations.Add(e with { NewSummonsId = "c1-s2", ReceivedMs = 15_400 });

        var kinds = SurgeAnalyzer.Analyze(run.Observations()).Duplicates.Select(d => d.Kind).Order().ToList();
        Assert.Equal([DuplicateKind.SummonsEscalatedTwice, DuplicateKind.EscalationAnnouncedTwice], kinds);
    }

    [Fact]
    public void StillIssuedPastItsDeadline_IsAMissedDeadline_WithinToleranceIsNot()
    {
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "pol"); // ack due at 16 s: 14 s overdue
        var b = run.Whistle("c2", 12, "pol"); // ack due at 27 s: 3 s overdue, within the 5 s tolerance
        run.SeeAllLive([.. a, .. b]);
        run.Store("c1", a, s => s with { State = "issued", AckedAt = null });
        run.Store("c2", b, s => s with { State = "issued", AckedAt = null });

        var f = SurgeAnalyzer.Analyze(run.Observations());

        var missed = Assert.Single(f.MissedDeadlines);
        Assert.Equal(("c1-s0", "issued"), (missed.SummonsId, missed.State));
        Assert.False(f.Passed);
    }

    [Fact]
    public void Outage_DeadlinesDueWhileDown_MustFireAfterTheRestart()
    {
        var run = new SyntheticRun();
        run.Silent.Add("silent");
        run.Outages.Add(new Outage(20_000, SyntheticRun.At(20), 27_000, SyntheticRun.At(27)));
        var fired = run.Whistle("c1", 7, "silent");     // ack due 22 s: down
        var answered = run.Whistle("c2", 8, "talks");   // ack due 23 s: down; acked at 28 s, before the reminder fired
        var notFired = run.Whistle("c3", 9, "silent");  // ack due 24 s: down; never escalated
        var before = run.Whistle("c4", 1, "silent");    // ack due 16 s: before the kill
        run.Escalations.Add(new LiveEscalation("c1", "ack", "c1-s0", "c1-s1", "up", 1, SyntheticRun.At(22), SyntheticRun.At(27.5), 27_600));
        run.Escalations.Add(new LiveEscalation("c4", "ack", "c4-s0", "c4-s1", "up", 1, SyntheticRun.At(16), SyntheticRun.At(16.3), 15_400));
        run.Store("c1", fired, s => s with { State = "escalated", EscalatedTo = "c1-s1", AckedAt = null });
        run.Store("c2", answered, s => s with { AckedAt = SyntheticRun.At(28) });
        run.Store("c3", notFired, s => s with { State = "issued", AckedAt = null });
        run.Store("c4", before, s => s with { State = "escalated", EscalatedTo = "c4-s1", AckedAt = null });

        var f = SurgeAnalyzer.Analyze(run.Observations());

        var o = Assert.Single(f.Outages);
        Assert.Equal((3, 1, 1), (o.DueWhileDown, o.FiredAfterRestart, o.AnsweredBeforeFiring));
        Assert.Equal(["c3-s0"], o.NotFired);
        Assert.Equal([300.0], f.EscalationLateness);
        Assert.Equal([5_500.0], f.OutageEscalationLateness);
        Assert.False(f.Passed);
    }

    [Fact]
    public void EscalationSeenOnlyInTheStore_CountsItsLatenessFromTheNewSummons()
    {
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "pol");
        run.SeeAllLive(a);
        var up = new IssuedSummons("c1-s1", "c1", "psb", 1, SyntheticRun.At(16.4), SyntheticRun.At(31.4), SyntheticRun.At(76.4));
        run.Store("c1", [.. a, up], s => s.Id == "c1-s0" ? s with { State = "escalated", EscalatedTo = "c1-s1", AckedAt = null } : s);

        var f = SurgeAnalyzer.Analyze(run.Observations());

        Assert.Equal([400.0], f.EscalationLateness);
        Assert.Equal(1, f.Counts.Escalated);
    }

    [Fact]
    public void AckRoundTrip_RunsFromThePostToTheLiveAcknowledgement()
    {
        var run = new SyntheticRun();
        var a = run.Whistle("c1", 1, "pol");
        run.SeeLive(a[0]);
        run.Actions.Add(new BotAction("c1-s0", "pol", BotActionKind.Ack, 3_000, 3_008, 200, 1));
        run.Live.Add(new LiveSummons("c1-s0", "c1", "pol", "acknowledged", 0, 2, a[0].AckDueAt, a[0].ArriveDueAt, 3_011));
        run.Store("c1", a);

        var f = SurgeAnalyzer.Analyze(run.Observations());

        Assert.Equal([8.0], f.Latencies[SurgeFindings.AckAccepted]);
        Assert.Equal([11.0], f.Latencies[SurgeFindings.AckRoundTrip]);
        Assert.Equal(1, f.Counts.Acknowledged);
    }

    [Fact]
    public void Empty_IsHarmless()
    {
        var f = SurgeAnalyzer.Analyze(new SyntheticRun().Observations());
        Assert.True(f.Passed);
        Assert.Equal(new SummonsSpread(0, 0, 0), f.SummonsesPerWhistle);
    }
}
