using System.Text.RegularExpressions;
using Dispatch.Dashboard.Live;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Dispatch.Grains.Interfaces.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// The duty board at city scope rolls the townships up by county; a county's row opens its townships under it and
/// links to the county's own board.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class CityDutyBoardTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Admin_CityBoard_ListsCounties_AndDrillsDownToTownships()
    {
        await fixture.Host.ReportAsync("tc-a-t2", "tc-a-t2-g1", "市级看板按区汇总测试");
        var city = fixture.Host.App.Services.GetRequiredService<CityModel>();
        var counties = city.Children(city.City.Id).Where(c => c.Level == CenterLevel.County).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        var townships = city.Children("tc-a").Where(c => c.Level == CenterLevel.Township).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();

        // Yesterday's whistles, as the silo's start rebuilds them from the summons rows (hours 30, 28 and 27 ago).
        var history = fixture.Host.App.Services.GetRequiredService<ActivityHistory>();
        var now = fixture.Host.Clock.GetCurrentInstant();
        foreach (var (hoursAgo, n) in new[] { (30, 1), (28, 2), (27, 3) })
        {
            var issued = now - Duration.FromHours(hoursAgo);
            var summons = new SummonsView($"C-20261122-9{n}.S1", $"C-20261122-9{n}", "tc-a-t1-pol", SummonsState.Issued, issued, issued + Duration.FromMinutes(30),
                issued + Duration.FromHours(2), null, null, 0, null, RiskColour.Blue, null, null, 1);
            history.Record(new SummonsChanged(summons, [summons.CaseId, "tc-a-t1", "tc-a", city.City.Id, "tc-a-t1-pol"]));
        }

        await using var context = await fixture.NewContextAsync("zh-CN");
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Admin);
        await page.GotoAsync("/duty");
        await SignIn.LiveAsync(page);

        // Each 24 h chart also draws yesterday's same hours as a faint line, its total in the caption.
        foreach (var chart in new[] { "whistles", "acks", "escalations" })
        {
            await Expect(page.Locator($".chart[data-chart='{chart}'] polyline.yesterday")).ToHaveCountAsync(1);
            await Expect(page.Locator($".chart[data-chart='{chart}'] .chart-yesterday")).ToHaveTextAsync(new Regex("^昨日 [0-9]+$"));
        }
        Assert.True(int.Parse((await page.Locator(".chart[data-chart='whistles']").GetAttributeAsync("data-yesterday-total"))!, System.Globalization.CultureInfo.InvariantCulture) >= 3);

        var countyRows = page.Locator("#townships tbody tr.county-row");
        await Expect(countyRows).ToHaveCountAsync(counties.Count);
        Assert.Equal(counties, await countyRows.SortedAttributesAsync("data-county"));
        await Expect(page.Locator("#townships tr[data-township]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#townships tr[data-county='tc-a'] td.num").First).Not.ToHaveTextAsync("0");

        await page.Locator("button[data-drill='tc-a']").ClickAsync();
        await Expect(page.Locator("button[data-drill='tc-a']")).ToHaveAttributeAsync("aria-expanded", "true");
        var drilled = page.Locator("#townships tr[data-in-county='tc-a']");
        await Expect(drilled).ToHaveCountAsync(townships.Count);
        Assert.Equal(townships, await drilled.SortedAttributesAsync("data-township"));
        await Expect(page.Locator("#townships tr[data-township='tc-a-t2'] td.num").First).Not.ToHaveTextAsync("0");
        var text = await page.Locator("#townships").InnerTextAsync() + await page.Locator("#townships + p").InnerTextAsync();
        Assert.Empty(ChineseText.LatinWords(text));
        await page.Locator("#townships").ScrollIntoViewIfNeededAsync();
        // The README's picture: the top of the board (the county rows under the charts), not every open case below.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("duty-city-counties"), FullPage = false });

        // Again: closed. Then the county's own board.
        await page.Locator("button[data-drill='tc-a']").ClickAsync();
        await Expect(drilled).ToHaveCountAsync(0);
        await page.Locator("button[data-drill='tc-a']").ClickAsync();
        await page.Locator("#townships .drill-link a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/duty\\?center=tc-a$"));
        await Expect(page.Locator("#townships tbody tr[data-township]")).ToHaveCountAsync(townships.Count);
        await Expect(page.Locator("#townships tr.county-row")).ToHaveCountAsync(0);
    }
}
