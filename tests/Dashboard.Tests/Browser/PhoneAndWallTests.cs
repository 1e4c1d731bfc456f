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
        await using var context = await WallContextAsync();
        var page = await WallBoardAsync(context, Actor.DutyLeader, "tc-a");

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

    [Fact]
    public async Task Wall_CityBoard_CountyLinkStaysOnTheWall_AndRotaNamesDoNotBreak()
    {
        await using var context = await WallContextAsync();
        var page = await WallBoardAsync(context, Actor.Admin);

        // A person's name on the city's rota is one line (the narrow rota card broke "董秀英" as "董秀/英").
        var wrapped = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#on-duty td[data-on-duty]')].filter(td => getComputedStyle(td).whiteSpace !== 'nowrap').map(td => td.dataset.onDuty)");
        Assert.Empty(wrapped);
        await Expect(page.Locator("#on-duty td[data-on-duty]").First).ToBeVisibleAsync();

        // The county's own board, opened from the wall, is the wall board too.
        await page.Locator("button[data-drill='tc-a']").ClickAsync();
        await page.Locator("#townships .drill-link a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/duty\\?center=tc-a&wall=true$"));
        await Expect(page.Locator(".duty-board.wall")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Phone_StatsRankingAndDrillCells_AreLabelled()
    {
        var created = await fixture.Host.ReportAsync("tc-a-t1", "tc-a-t1-g1", "手机统计标签测试");
        await fixture.Host.Silo.DeliverAsync(created.Id);
        await using var context = await PhoneContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.DutyLeader, "tc-a");
        await page.GotoAsync("/stats?scope=tc-a&period=day&by=township&drill=accepted");
        // Measured once the circuit has taken the page over (the prerendered elements are replaced then).
        await SignIn.LiveAsync(page);
        await Expect(page.Locator("#stats-drill-cases tr[data-case]").First).ToBeVisibleAsync();

        // Stacked one block per row on a phone, each number says what it is: "受理数 3", not a bare "3".
        var row = page.Locator("#stats-ranking tr[data-unit='tc-a-t1']");
        await Expect(row.Locator("td[data-label]")).ToHaveCountAsync(6);
        Assert.Equal("受理数", await row.Locator("td[data-label]").First.GetAttributeAsync("data-label"));
        await Expect(page.Locator($"#stats-drill-cases tr[data-case='{created.Id}'] td[data-label]")).ToHaveCountAsync(5);
        // The drill list's 收起 stays on one line beside its title.
        await Expect(page.Locator("#stats-drill-close")).ToBeVisibleAsync();
        var close = await page.Locator("#stats-drill-close").BoundingBoxAsync();
        Assert.NotNull(close);
        Assert.True(close.Height < 60, $"收起 is {close.Height} px high");
        Assert.True(await ScrollWidthAsync(page) <= Phone);
    }

    private async Task<IBrowserContext> WallContextAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>Signs in and opens the duty board in wall mode, live.</summary>
    private static async Task<IPage> WallBoardAsync(IBrowserContext context, string role, string? scope = null)
    {
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, role, scope);
        await page.GotoAsync("/duty?wall=true");
        await Expect(page.Locator(".duty-board.wall")).ToBeVisibleAsync();
        await SignIn.LiveAsync(page);
        return page;
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
