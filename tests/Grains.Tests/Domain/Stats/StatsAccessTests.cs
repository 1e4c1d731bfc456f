using Dispatch.Grains.Domain.Stats;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Tests.Domain.City;

namespace Dispatch.Grains.Tests.Domain.Stats;

public sealed class StatsAccessTests
{
    private static bool May(string role, string? principal, string scope) => StatsAccess.MayRead(new Actor(role, principal, "x"), scope, TestCity.Model);

    [Theory]
    [InlineData("tc")]
    [InlineData("tc-b-t2-jud")]
    public void MayRead_Admin_Everything(string scope) => Assert.True(May(Actor.Admin, null, scope));

    [Theory]
    [InlineData("tc-a-t1-pol", "tc-a-t1-pol", true)]
    [InlineData("tc-a-t1-pol", "tc-a-t1-jud", false)]
    [InlineData("tc-a-t1-pol", "tc-a-t1", false)]
    [InlineData("tc-a-t1-pol", "tc-a-psb", false)]
    public void MayRead_Department_OnlyItself(string principal, string scope, bool may) => Assert.Equal(may, May(Actor.Department, principal, scope));

    [Theory]
    [InlineData("tc-a-t1", true)]
    [InlineData("tc-a-t1-pol", true)]
    [InlineData("tc-a-t2", false)]
    [InlineData("tc-a-t2-pol", false)]
    [InlineData("tc-a", false)]
    [InlineData("tc-a-psb", false)]
    public void MayRead_Commissioner_TheirTownshipAndItsDepartments(string scope, bool may) => Assert.Equal(may, May(Actor.Commissioner, "tc-a-t1", scope));

    [Theory]
    [InlineData("tc-a", true)]
    [InlineData("tc-a-t3", true)]
    [InlineData("tc-a-psb", true)]
    [InlineData("tc-a-t2-jud", true)]
    [InlineData("tc", false)]
    [InlineData("tc-b", false)]
    [InlineData("tc-b-t1-pol", false)]
    [InlineData("tc-psb", false)]
    public void MayRead_DutyLeader_EverythingUnderTheirCounty(string scope, bool may) => Assert.Equal(may, May(Actor.DutyLeader, "tc-a", scope));

    [Fact]
    public void MayRead_RoleScopedToTheWrongLevel_IsRefused()
    {
        Assert.False(May(Actor.DutyLeader, "tc-a-t1", "tc-a-t1"));
        Assert.False(May(Actor.Commissioner, "tc-a", "tc-a-t1"));
        Assert.False(May(Actor.Commissioner, null, "tc-a-t1"));
        Assert.False(May(Actor.System, "tc", "tc"));
    }

    [Fact]
    public void MayReadReports_DutyLeaderOfThatCountyOrAdmin()
    {
        Assert.True(StatsAccess.MayReadReports(new Actor(Actor.DutyLeader, "tc-a", "x"), "tc-a"));
        Assert.True(StatsAccess.MayReadReports(new Actor(Actor.Admin, null, "x"), "tc-b"));
        Assert.False(StatsAccess.MayReadReports(new Actor(Actor.DutyLeader, "tc-b", "x"), "tc-a"));
        Assert.False(StatsAccess.MayReadReports(new Actor(Actor.Commissioner, "tc-a-t1", "x"), "tc-a"));
    }
}
