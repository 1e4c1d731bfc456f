using Dispatch.Grains.Domain.Cases;
using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Grains.Tests.Domain.Cases;

public sealed class CaseActorsTests
{
    private const string Township = "tc-a-t1";
    private const string County = "tc-a";

    private static string? Check(Actor actor, CaseDuty duty, string holder) => CaseActors.Check(actor, duty, "C-1", Township, holder, County);

    [Theory]
    [InlineData(Actor.Commissioner, Township, CaseDuty.Handle, Township, true)]
    [InlineData(Actor.Commissioner, Township, CaseDuty.Handle, County, false)]
    [InlineData(Actor.Commissioner, Township, CaseDuty.Handle, "tc", false)]
    [InlineData(Actor.Commissioner, Township, CaseDuty.Oversee, Township, false)]
    [InlineData(Actor.Commissioner, "tc-a-t2", CaseDuty.Handle, Township, false)]
    [InlineData(Actor.DutyLeader, County, CaseDuty.Handle, Township, false)]
    [InlineData(Actor.DutyLeader, County, CaseDuty.Handle, County, true)]
    [InlineData(Actor.DutyLeader, County, CaseDuty.Handle, "tc", true)]
    [InlineData(Actor.DutyLeader, County, CaseDuty.Oversee, Township, true)]
    [InlineData(Actor.DutyLeader, "tc-b", CaseDuty.Oversee, Township, false)]
    [InlineData(Actor.DutyLeader, "tc-b", CaseDuty.Handle, County, false)]
    [InlineData(Actor.Department, "tc-a-t1-pol", CaseDuty.Handle, Township, false)]
    [InlineData(Actor.Admin, null, CaseDuty.Handle, "tc", true)]
    [InlineData(Actor.Admin, null, CaseDuty.Oversee, Township, true)]
    public void Check_WhoActsOnACase(string role, string? scope, CaseDuty duty, string holder, bool allowed)
    {
        var refusal = Check(new Actor(role, scope, "x"), duty, holder);

        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public void Check_ActorOfAnotherScope_IsToldNothingAboutTheCasesTownshipOrCounty()
    {
        var refusal = Check(new Actor(Actor.Commissioner, "tc-b-t1", "x"), CaseDuty.Handle, Township)!;

        Assert.DoesNotContain("tc-a", refusal);
        Assert.Contains("C-1", refusal);
    }

    [Fact]
    public void Check_CommissionerOfACaseThatMovedUp_IsToldWhoHandlesItNow()
    {
        var refusal = Check(new Actor(Actor.Commissioner, Township, "x"), CaseDuty.Handle, County)!;

        Assert.Contains("moved up to tc-a", refusal);
        Assert.Contains("duty leader", refusal);
    }

    [Theory]
    [InlineData(Actor.GridWorker, "tc-a-t1-g1", "王五", CaseDuty.Annotate, true)]
    [InlineData(Actor.GridWorker, "tc-a-t1-g1", "李四", CaseDuty.Annotate, false)]
    [InlineData(Actor.GridWorker, "tc-a-t1-g2", "王五", CaseDuty.Annotate, false)]
    [InlineData(Actor.GridWorker, "tc-a-t1-g1", "王五", CaseDuty.Handle, false)]
    [InlineData(Actor.GridWorker, "tc-a-t1-g1", "王五", CaseDuty.Oversee, false)]
    [InlineData(Actor.Commissioner, Township, "x", CaseDuty.Annotate, true)]
    [InlineData(Actor.DutyLeader, County, "x", CaseDuty.Annotate, true)]
    [InlineData(Actor.Commissioner, "tc-a-t2", "x", CaseDuty.Annotate, false)]
    [InlineData(Actor.Department, "tc-a-t1-pol", "x", CaseDuty.Annotate, false)]
    public void Check_Notes_ComeFromHandlersAndTheGridWorkerWhoReported(string role, string scope, string name, CaseDuty duty, bool allowed)
    {
        var reporter = new Actor(Actor.GridWorker, "tc-a-t1-g1", "王五");

        var refusal = CaseActors.Check(new Actor(role, scope, name), duty, "C-1", Township, Township, County, reporter);

        Assert.Equal(allowed, refusal is null);
    }
}
