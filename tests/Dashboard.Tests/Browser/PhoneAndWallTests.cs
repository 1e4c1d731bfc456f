using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// A department on site and a commissioner on the move use a 390 px phone: no page scrolls sideways, the buttons are
/// touch-sized, and the Chinese pages carry no English words (ids and proper nouns aside). A county's wall screen
/// shows the duty board full width, dark, in large type. Screenshots go to test-results/screenshots/ (the README's
/// come from there: docs/screenshots/).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PhoneAndWallTests(DashboardFixture fixture)
{
    private const int Phone = 390;

    [Fact]
    public async Task Phone_InboxCaseConsole_FitAndAreChinese()
    {
        var created = await fixture.Host.ReportAsync("tc-a-t2", "tc-a-t2-g1", "西街道商铺噪音扰民，多次协商未果，居民情绪较大");
        using (var commissioner = await fixture.Host.ClientAsync(Actor.Commissioner, "tc-a-t2"))
        {
            using var whistle = await commissioner.PostAsJsonAsync($"/api/v1/cases/{created.Id}/whistle",
                new { departmentIds = new[] { "tc-a-t2-pol", "tc-a-t2-jud" } });
            Assert.True(whistle.IsSuccessStatusCode, await whistle.Content.ReadAsStringAsync());
        }

        await using var departmentContext = await PhoneContextAsync();
        var department = await departmentContext.NewPageAsync();
        await SignIn.AsAsync(department, Actor.Department, "tc-a-t2-pol");
        await Expect(department).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(department.Locator($".summons-card[data-case='{created.Id}']")).ToBeVisibleAsync();
        await CheckPhonePageAsync(department, "phone-inbox");

        await using var commissionerContext = await PhoneContextAsync();
        var page = await commissionerContext.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Commissioner, "tc-a-t2");
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));
        await CheckPhonePageAsync(page, "phone-console");
        await page.GotoAsync($"/cases/{created.Id}");
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
        await CheckPhonePageAsync(page, "phone-case");
    }

    [Fact]
    public async Task Wall_DutyBoard_FullWidthDarkLargeType()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.DutyLeader, "tc-a");
        await page.GotoAsync("/duty?wall=true");
        await Expect(page.Locator(".duty-board.wall")).ToBeVisibleAsync();
        await SignIn.LiveAsync(page);

        var width = Pixels(await page.Locator(".duty-board").EvaluateAsync<string>("e => e.getBoundingClientRect().width + 'px'"));
        Assert.True(width >= 1840, $"the wall board is {width} px wide on a 1920 px screen");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.True(Luminance(background) < 0.2, $"the wall is not dark: {background}");
        var counter = Pixels(await page.Locator(".counter-value").First.EvaluateAsync<string>("e => getComputedStyle(e).fontSize"));
        Assert.True(counter >= 48, $"counters are {counter} px on the wall");
        Assert.True(await ScrollWidthAsync(page) <= 1920);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("wall-duty"), FullPage = false });
        // The wall's link back to the desk view, and the desk view's link to the wall.
        await page.Locator("#wall-toggle").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/duty$"));
        await Expect(page.Locator(".duty-board.wall")).ToHaveCountAsync(0);
    }

    private Task<IBrowserContext> PhoneContextAsync() => fixture.NewPhoneContextAsync(Phone);

    private static async Task CheckPhonePageAsync(IPage page, string name)
    {
        await Expect(page.Locator(".board")).ToBeVisibleAsync();
        await Artifacts.FullPageAsync(page, name);
        var scrollWidth = await ScrollWidthAsync(page);
        Assert.True(scrollWidth <= Phone, $"{name}: the page is {scrollWidth} px wide at {Phone} px");
        var small = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.btn, button')].filter(b => b.offsetParent !== null)"
            + ".filter(b => b.getBoundingClientRect().height < 40).map(b => b.id || b.textContent.trim())");
        Assert.True(small.Length == 0, $"{name}: buttons under 40 px high: {string.Join(", ", small)}");
        await ChineseText.AssertChineseAsync(page, name);
    }

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    private static double Pixels(string css) =>
        double.Parse(css.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Relative luminance (0 black to 1 white) of a CSS rgb()/rgba() colour.</summary>
    private static double Luminance(string rgb)
    {
        var parts = Regex.Matches(rgb, "[0-9.]+").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]) / 255;
    }
}
