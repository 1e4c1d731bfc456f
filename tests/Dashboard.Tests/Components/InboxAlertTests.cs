using System.Text.Json.Nodes;
using Bunit;
using Dispatch.Dashboard.Components;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Model;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>
/// What a department sees of a summons before it sets off (where, whom to call) and how it hears that one arrived: a
/// tone and a desktop notification raised once per summons that arrived live, never for what was already there.
/// </summary>
public sealed class InboxAlertTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 30, 2, 0);

    private static CaseView Case(string township = "tc-a-t1", string grid = "tc-a-t1-g1") =>
        new("C-20261130-1", grid, township, township, CenterLevel.Township, Category.NeighbourDispute, CaseTier.General, RiskColour.Orange,
            CaseState.Whistled, CaseSource.Window, "楼上漏水，两户争执", null, At, At + Duration.FromHours(4), null, null, null, null, [], [], 3);

    /// <summary>The test city with a duty phone for 东街道's center (the city file's notification contacts).</summary>
    private static CityModel CityWithPhone()
    {
        var json = JsonNode.Parse(File.ReadAllText(DashboardHost.CityFile))!.AsObject();
        json["notifications"] = new JsonObject { ["contacts"] = new JsonObject { ["tc-a-t1"] = new JsonObject { ["phone"] = "0571-88886666" } } };
        return CityLoader.Parse(json.ToJsonString(), "city-with-phone.json");
    }

    [Fact]
    public void Origin_NamesGridTownshipAndCommissioner_WithThePhoneWhenTheCityHasOne()
    {
        using var context = new ComponentContext("zh-CN");
        context.Services.AddSingleton(CityWithPhone());

        var origin = context.Render<SummonsOrigin>(p => p.Add(x => x.Case, Case()));

        var place = origin.Find(".origin-place").TextContent;
        Assert.Contains(ComponentContext.City.Grids.Single(g => g.Id == "tc-a-t1-g1").Name, place, StringComparison.Ordinal);
        Assert.Contains("东街道", place, StringComparison.Ordinal);
        Assert.StartsWith("地点", place, StringComparison.Ordinal);
        var contact = origin.Find(".origin-contact").TextContent;
        Assert.Contains("联系：东街道 · 政法委员", contact, StringComparison.Ordinal);
        Assert.Equal("tel:0571-88886666", origin.Find("a.origin-phone").GetAttribute("href"));
        Assert.Contains("电话 0571-88886666", contact, StringComparison.Ordinal);
    }

    [Fact]
    public void Origin_WithoutAPhone_NamesTheCenterOnly_InEnglishToo()
    {
        using var context = new ComponentContext("en");

        var origin = context.Render<SummonsOrigin>(p => p.Add(x => x.Case, Case("tc-a-t2", "tc-a-t2-g1")));

        Assert.Empty(origin.FindAll("a.origin-phone"));
        // English punctuation in English: a colon and a space, round brackets (no full-width "：" or "（）").
        Assert.Contains("Contact: 西街道 · Commissioner", origin.Find(".origin-contact").TextContent, StringComparison.Ordinal);
        var grid = ComponentContext.City.Grids.Single(g => g.Id == "tc-a-t2-g1").Name;
        Assert.Equal($"Location: {grid} (西街道)", origin.Find(".origin-place").TextContent.Trim());
    }

    [Fact]
    public void Alert_RaisedOncePerSummonsThatArrived_NeverForNothingNew()
    {
        using var context = new ComponentContext("zh-CN");
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        context.JSInterop.SetupVoid("dispatchAlerts.show", "notify-permission");
        var arrived = context.JSInterop.SetupVoid("dispatchAlerts.arrived", _ => true);

        var alert = context.Render<ArrivalAlert>(p => p.Add(x => x.Arrived, Array.Empty<string>()));
        Assert.Empty(arrived.Invocations);
        Assert.Equal("开启桌面提醒", alert.Find("#notify-permission").TextContent);
        Assert.Equal("0", alert.Find(".arrival-alert").GetAttribute("data-alerts"));

        alert.Render(p => p.Add(x => x.Arrived, new[] { "S-1" }).Add(x => x.Body, "东街道 · 东一网格：楼上漏水"));
        var first = Assert.Single(arrived.Invocations);
        Assert.Equal(["收到新哨令", "东街道 · 东一网格：楼上漏水"], first.Arguments.Cast<string>());

        // The same arrival rendered again (a reload, a tick) does not ring again; a second summons does.
        alert.Render(p => p.Add(x => x.Arrived, new[] { "S-1" }));
        Assert.Single(arrived.Invocations);
        alert.Render(p => p.Add(x => x.Arrived, new[] { "S-1", "S-2" }));
        Assert.Equal(2, arrived.Invocations.Count);
        Assert.Equal("2", alert.Find(".arrival-alert").GetAttribute("data-alerts"));
    }
}
