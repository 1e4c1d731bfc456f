using Dispatch.LoadTests.Api;

namespace Dispatch.LoadTests.Tests.Api;

public sealed class SiloRotationTests
{
    private static readonly Uri[] Silos = [new("http://127.0.0.1:5001/"), new("http://127.0.0.1:5002/"), new("http://127.0.0.1:5003/")];

    [Fact]
    public void Next_GoesRoundRobin()
    {
        var rotation = new SiloRotation(Silos);
        Assert.Equal([Silos[0], Silos[1], Silos[2], Silos[0]], Enumerable.Range(0, 4).Select(_ => rotation.Next()));
    }

    [Fact]
    public void Next_LeavesOutASiloThatRefused()
    {
        var rotation = new SiloRotation(Silos);
        rotation.LeaveOut(Silos[1]);
        var picked = Enumerable.Range(0, 6).Select(_ => rotation.Next()).ToList();
        Assert.DoesNotContain(Silos[1], picked);
        Assert.Contains(Silos[0], picked);
        Assert.Contains(Silos[2], picked);
    }

    [Fact]
    public void Next_AllLeftOut_StillAnswers()
    {
        var rotation = new SiloRotation(Silos);
        foreach (var silo in Silos) rotation.LeaveOut(silo);
        Assert.Contains(rotation.Next(), Silos);
    }
}
