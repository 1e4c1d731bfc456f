using System.Text.Json;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Grains.Interfaces.Serialization;
using NodaTime;

namespace Dispatch.Grains.Tests.Serialization;

/// <summary>Cases stored before the timeline became data stay readable, and the new fields round-trip as JSON.</summary>
public sealed class StoredTimelineTests
{
    [Fact]
    public void OldEntry_OnlyTheFirstFields_ReadsWithNoFacts()
    {
        const string stored = """{"at":"2026-11-29T10:39:05Z","kind":"whistled","actor":"commissioner:tc-a-t1","note":"summoned tc-a-t1-pol"}""";

        var entry = JsonSerializer.Deserialize<TimelineEntry>(stored, DispatchJson.Default)!;

        Assert.Equal(("whistled", "commissioner:tc-a-t1", "summoned tc-a-t1-pol"), (entry.Kind, entry.Actor, entry.Note));
        Assert.Equal(Instant.FromUtc(2026, 11, 29, 10, 39, 5), entry.At);
        Assert.Null(entry.ActorRole);
        Assert.Null(entry.DepartmentIds);
        Assert.Null(entry.Reason);
    }

    [Fact]
    public void OldLeader_WithoutReasonCode_Reads()
    {
        var leader = JsonSerializer.Deserialize<LeaderView>(
            """{"role":"publicSecurityChief","name":"王局","takenAt":"2026-11-29T10:39:05Z","reason":"x"}""", DispatchJson.Default)!;

        Assert.Equal(("王局", null), (leader.Name, leader.ReasonCode));
    }

    [Fact]
    public void NewEntry_WritesItsFactsAndNoNulls()
    {
        var entry = TimelineEntry.By(Instant.FromUtc(2026, 11, 29, 10, 0), "triaged", new Actor(Actor.Commissioner, "tc-a-t1", "张三"), "  ")
            with { Tier = CaseTier.General, Risk = RiskColour.Red, DepartmentIds = ["tc-a-t1-pol"] };

        var json = JsonSerializer.Serialize(entry, DispatchJson.Default);

        Assert.Contains("\"actorRole\":\"commissioner\"", json, StringComparison.Ordinal);
        Assert.Contains("\"tier\":\"general\"", json, StringComparison.Ordinal);
        Assert.Contains("\"departmentIds\":[\"tc-a-t1-pol\"]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"note\"", json, StringComparison.Ordinal);
        Assert.Equal(entry with { DepartmentIds = null }, JsonSerializer.Deserialize<TimelineEntry>(json, DispatchJson.Default)! with { DepartmentIds = null });
    }
}
