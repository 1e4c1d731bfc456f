using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Model;
using Dispatch.Silo.Open311;
using Dispatch.Silo.Options;
using Dispatch.Silo.Tests.Infrastructure;
using NodaTime;

namespace Dispatch.Silo.Tests.Open311;

/// <summary>Open311's plain rules: placing a request in a grid, the configured clients, codes and W3C date-times.</summary>
public sealed class Open311RulesTests
{
    private static readonly CityModel City = CityLoader.Load(SiloHost.CityFile);

    [Theory]
    [InlineData("tc", "tc-a-t1-g3", null, "tc-a-t1-g3")] // address_id names a grid
    [InlineData("tc", null, "东一社区第2网格门口", "tc-a-t1-g2")] // the grid's name
    [InlineData("tc", null, "甲区东二社区3号楼", "tc-a-t1-g3")] // the community's first grid
    [InlineData("tc-a", null, "北镇政府对面", "tc-a-t3-g1")] // the township's default grid
    [InlineData("tc-a-t1", null, "不知道在哪", "tc-a-t1-g1")] // a township client's default grid
    [InlineData("tc-a-t1", null, null, "tc-a-t1-g1")] // a point alone: the township's default grid
    public void Place_FindsTheGrid(string scope, string? addressId, string? address, string grid) =>
        Assert.Equal((grid, (string?)null), Open311Placement.Place(City, scope, addressId, address));

    [Theory]
    [InlineData("tc-a", "tc-b-t1-g1", null)] // a grid outside the client's scope
    [InlineData("tc-a", null, "南一村第1网格")] // named, but outside the scope
    [InlineData("tc", null, "不知道在哪")] // a citywide client must say where
    public void Place_OutsideTheScopeOrNowhere_IsRefused(string scope, string? addressId, string? address)
    {
        var (grid, error) = Open311Placement.Place(City, scope, addressId, address);

        Assert.Null(grid);
        Assert.Contains(scope, error);
    }

    [Fact]
    public void Clients_AreCheckedAtStart_AndTheDevKeyCoversTheCity()
    {
        Open311ClientOptions C(string? key, string? scope, string? name) => new() { ApiKey = key, Scope = scope, Name = name };

        var (ok, _) = Open311Clients.From([C("platform-12345-key", "tc-a", "12345 平台")], City, devKey: true);
        Assert.Equal(("tc-a", "12345 平台"), (ok!.Find("platform-12345-key")!.Scope, ok.Find("platform-12345-key")!.Name));
        Assert.Equal("tc", ok.Find(Open311Clients.DevKey)!.Scope);
        Assert.Null(Open311Clients.From([], City, devKey: false).Clients!.Find(Open311Clients.DevKey));

        Assert.Contains("Open311:Clients:0:ApiKey", Open311Clients.From([C("short", "tc-a", "x")], City, false).Error);
        Assert.Contains("Open311:Clients:1:ApiKey", Open311Clients.From([C("same-key-1", "tc-a", "x"), C("same-key-1", "tc-b", "y")], City, false).Error);
        Assert.Contains("Open311:Clients:0:Scope", Open311Clients.From([C("long-enough", "tc-a-t1-v1", "x")], City, false).Error);
        Assert.Contains("Open311:Clients:0:Scope", Open311Clients.From([C("long-enough", "nowhere", "x")], City, false).Error);
        Assert.Contains("Open311:Clients:0:Name", Open311Clients.From([C("long-enough", "tc-a", " ")], City, false).Error);
    }

    [Fact]
    public void Format_CodesStatusAndW3cDateTimes()
    {
        Assert.True(Open311Format.TryParseCode("wageArrears", out var category));
        Assert.Equal(Category.WageArrears, category);
        Assert.False(Open311Format.TryParseCode("WageArrears", out _));
        Assert.Equal(Enum.GetValues<Category>().Length, Open311Format.Services().Count);
        Assert.Equal(("open", "closed", "closed"), (Open311Format.Status(CaseState.InProgress), Open311Format.Status(CaseState.Resolved),
            Open311Format.Status(CaseState.FollowedUp)));
        Assert.Equal("2026-11-23T09:00:00+08:00", Open311Format.DateTime(Instant.FromUtc(2026, 11, 23, 1, 0)));
    }
}
