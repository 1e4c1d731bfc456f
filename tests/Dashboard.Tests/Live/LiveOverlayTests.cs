using Dispatch.Dashboard.Live;
using Dispatch.Grains.Interfaces.Model;
using static Dispatch.Dashboard.Tests.Live.LiveBatchBuilderTests;

namespace Dispatch.Dashboard.Tests.Live;

public sealed class LiveOverlayTests
{
    [Fact]
    public void Over_PutsNewerLiveVersionsInPlace_AddsMissingOnes_AndForgetsWhatTheListCaughtUpWith()
    {
        var overlay = new LiveOverlay();
        overlay.Add(Batch(Summons("S1", 3, SummonsState.Acknowledged), Summons("S2", 1), Summons("S9", 1, department: "d9")));

        var stale = new[] { Summons("S1", 2).Summons };
        var merged = overlay.Over(stale, s => s.DepartmentId == "d1");
        Assert.Equal(["S2", "S1"], merged.Select(s => s.Id));
        Assert.Equal(SummonsState.Acknowledged, merged.Single(s => s.Id == "S1").State);

        // The list caught up (and went further): its own versions win, and the overlay lets go of them.
        var current = new[] { Summons("S1", 4, SummonsState.Arrived).Summons, Summons("S2", 1).Summons };
        Assert.Equal([4, 1], overlay.Over(current, s => s.DepartmentId == "d1").Select(s => s.Version));
        var forgotten = overlay.Over(new[] { Summons("S1", 1).Summons }, s => s.DepartmentId == "d1");
        Assert.Equal(1, Assert.Single(forgotten).Version);
    }

    [Fact]
    public void Over_Cases_NewerVersionWins()
    {
        var overlay = new LiveOverlay();
        overlay.Add(Batch(Case("C1", 2), Case("C1", 1)));
        Assert.Equal(2, Assert.Single(overlay.Over(new[] { Case("C1", 1).Case })).Version);
    }
}
