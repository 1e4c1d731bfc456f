using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Orleans;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Tests.Infrastructure;
using NodaTime;

namespace Dispatch.Silo.Tests.Auth;

public sealed class ScopeAuthorizerTests
{
    private static readonly CityModel City = CityLoader.Load(SiloHost.CityFile);
    private static readonly ScopeAuthorizer Scopes = new(City, NoGrains.Create());

    private static readonly Actor Admin = new(Actor.Admin, null, "admin");
    private static readonly Actor Commissioner = new(Actor.Commissioner, "tc-a-t1", "c");
    private static readonly Actor Leader = new(Actor.DutyLeader, "tc-a", "l");
    private static readonly Actor Police = new(Actor.Department, "tc-a-t1-pol", "p");

    [Theory]
    [InlineData("tc", true, false, false, false)]
    [InlineData("tc-a", true, false, true, false)]
    [InlineData("tc-a-t1", true, true, true, false)]
    [InlineData("tc-a-t1-v1", true, true, true, false)]
    [InlineData("tc-a-t2", true, false, true, false)]
    [InlineData("tc-b-t1", true, false, false, false)]
    public void CanReadCenter_ByRole_FollowsTheTerritory(string center, bool admin, bool commissioner, bool leader, bool department)
    {
        Assert.Equal(
            (admin, commissioner, leader, department),
            (Scopes.CanReadCenter(Admin, center), Scopes.CanReadCenter(Commissioner, center), Scopes.CanReadCenter(Leader, center), Scopes.CanReadCenter(Police, center)));
    }

    [Theory]
    [InlineData("tc-a-t1-pol", true, true, true)]
    [InlineData("tc-a-t1-jud", false, true, true)]
    [InlineData("tc-a-psb", false, false, true)]
    [InlineData("tc-b-t1-pol", false, false, false)]
    public void CanReadDepartment_ByRole_FollowsTheTerritory(string department, bool police, bool commissioner, bool leader)
    {
        Assert.Equal(
            (police, commissioner, leader, true),
            (Scopes.CanReadDepartment(Police, department), Scopes.CanReadDepartment(Commissioner, department),
                Scopes.CanReadDepartment(Leader, department), Scopes.CanReadDepartment(Admin, department)));
    }

    [Fact]
    public void CanReadCase_EscalatedToTheCity_StillReadableByItsCountyLeaderNotByAnother()
    {
        var summary = new CaseSummary("C-20261123-000001", "tc-a-t1-g1", "tc-a-t1", "tc", CenterLevel.City, Category.Other, null, null,
            CaseState.InProgress, "x", Instant.FromUtc(2026, 11, 23, 1, 0), null, 0, 2, null, 5);

        Assert.True(Scopes.CanReadCase(Leader, summary));
        Assert.True(Scopes.CanReadCase(Commissioner, summary));
        Assert.False(Scopes.CanReadCase(new Actor(Actor.DutyLeader, "tc-b", "other"), summary));
        Assert.False(Scopes.CanReadCase(Police, summary));
    }

    [Fact]
    public async Task CanWatchAsync_UnknownScope_IsUnknown() =>
        Assert.Equal(ScopeAccess.Unknown, await Scopes.CanWatchAsync(Admin, "nowhere"));

    /// <summary>A grain factory that fails on any use: these rules must decide without asking a grain.</summary>
    public class NoGrains : System.Reflection.DispatchProxy
    {
        public static IGrainFactory Create() => Create<IGrainFactory, NoGrains>();

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("No grains in this test.");
    }
}
