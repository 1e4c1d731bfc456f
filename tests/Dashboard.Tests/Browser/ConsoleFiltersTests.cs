using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Interfaces.Cases;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Dashboard.Tests.Browser;

/// <summary>
/// The commissioner's console over a township with more cases than a page: the counters (to triage, overdue, due within
/// the hour) lead to the cases behind them, filters and search by id or text narrow the list in the database, pages
/// page, and each case says who is responsible now (the center holding it, the leader who took it) — on a phone, in Chinese.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ConsoleFiltersTests(DashboardFixture fixture)
{
    private const string Township = "tc-b-t2";
    private const string Grid = "tc-b-t2-g1";

    [Fact]
    public async Task Console_CountersFiltersSearchPagingAndWhoIsResponsible()
    {
        var cases = new List<CaseView>();
        for (var i = 1; i <= 21; i++)
            cases.Add(await fixture.Host.ReportAsync(Township, Grid, i == 7 ? "中乡水库移民补偿款纠纷" : $"中乡第{i}起邻里纠纷"));
        var red = cases[2];
        using (var commissioner = await fixture.Host.ClientAsync(Actor.Commissioner, Township))
        {
            using var triage = await commissioner.PostAsJsonAsync($"/api/v1/cases/{red.Id}/triage",
                new { tier = "general", risk = "red" }, DashboardHost.Json);
            Assert.True(triage.IsSuccessStatusCode, await triage.Content.ReadAsStringAsync());
        }
        using (var leader = await fixture.Host.ClientAsync(Actor.DutyLeader, "tc-b"))
        {
            using var take = await leader.PostAsJsonAsync($"/api/v1/cases/{red.Id}/take", new { reason = "重大风险" }, DashboardHost.Json);
            Assert.True(take.IsSuccessStatusCode, await take.Content.ReadAsStringAsync());
        }

        await using var context = await fixture.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await SignIn.AsAsync(page, Actor.Commissioner, Township);
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));
        await SignIn.LiveAsync(page);

        // 21 open cases: one page of 20 and a second one; 20 still to triage.
        await Expect(page.Locator("#cases-total")).ToHaveTextAsync("21");
        await Expect(page.Locator("article.case-card")).ToHaveCountAsync(20);
        await Expect(page.Locator("[data-counter=triage]")).ToHaveAttributeAsync("data-value", "20");
        await Expect(page.Locator("#counter-triage")).ToContainTextAsync("待分类定级");
        await Expect(page.Locator("#counter-overdue")).ToContainTextAsync("超期");
        await Expect(page.Locator("#counter-soon")).ToContainTextAsync("1小时内到期");
        await Expect(page.Locator("#page-of")).ToHaveTextAsync("第 1 / 2 页");
        var box = (await page.Locator("section.cases").BoundingBoxAsync())!;
        await page.ScreenshotAsync(new()
        {
            Path = Artifacts.Screenshot("console-filters-phone"),
            FullPage = true,
            Clip = new() { X = 0, Y = box.Y - 8, Width = 390, Height = 844 },
        });
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await page.Locator("#page-next").ClickAsync();
        await Expect(page.Locator("#page-of")).ToHaveTextAsync("第 2 / 2 页");
        await Expect(page.Locator("article.case-card")).ToHaveCountAsync(1);
        await Expect(page.Locator($"article.case-card[data-case='{cases[0].Id}']")).ToHaveCountAsync(1);

        // The counter leads to the cases behind it.
        await page.Locator("#counter-triage").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("state=Reported"));
        await Expect(page.Locator("#cases-total")).ToHaveTextAsync("20");
        await Expect(page.Locator($"article.case-card[data-case='{red.Id}']")).ToHaveCountAsync(0);

        // Risk, text and id.
        await ClearAsync(page);
        await page.Locator("#filter-risk").SelectOptionAsync("Red");
        await page.Locator("#filter-submit").ClickAsync();
        await Expect(page.Locator("#cases-total")).ToHaveTextAsync("1");
        var taken = page.Locator($"article.case-card[data-case='{red.Id}']");
        await Expect(taken.Locator(".responsible")).ToContainTextAsync("当前负责：");
        await Expect(taken.Locator(".badge.leader")).ToContainTextAsync("包案");
        await SignIn.LiveAsync(page);
        await page.Locator("section.cases").ScreenshotAsync(new() { Path = Artifacts.Screenshot("console-filtered-red-phone") });
        await ClearAsync(page);
        await page.Locator("#filter-q").FillAsync("水库移民");
        await page.Locator("#filter-submit").ClickAsync();
        await Expect(page.Locator("article.case-card")).ToHaveCountAsync(1);
        await Expect(page.Locator($"article.case-card[data-case='{cases[6].Id}']")).ToHaveCountAsync(1);
        await page.Locator("#filter-q").FillAsync(cases[11].Id.ToLowerInvariant());
        await page.Locator("#filter-submit").ClickAsync();
        await Expect(page.Locator("article.case-card")).ToHaveCountAsync(1);
        await Expect(page.Locator($"article.case-card[data-case='{cases[11].Id}']")).ToHaveCountAsync(1);
        await page.Locator("#filter-q").FillAsync("无此事件");
        await page.Locator("#filter-submit").ClickAsync();
        await Expect(page.Locator("#cases-total")).ToHaveTextAsync("0");
        await Expect(page.Locator(".cases .empty")).ToBeVisibleAsync();

        // A case reported meanwhile arrives live on the unfiltered first page.
        await ClearAsync(page);
        await SignIn.LiveAsync(page);
        var late = await fixture.Host.ReportAsync(Township, Grid, "中乡新报事件");
        await Expect(page.Locator($"article.case-card[data-case='{late.Id}']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-counter=triage]")).ToHaveAttributeAsync("data-value", "21");
    }

    /// <summary>Clears the filters and waits for the unfiltered list (the open cases).</summary>
    private static async Task ClearAsync(Microsoft.Playwright.IPage page)
    {
        await page.Locator("#filter-clear").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console$"));
        await Expect(page.Locator("#filter-q")).ToHaveValueAsync("");
        await Expect(page.Locator("#page-of")).ToHaveTextAsync("第 1 / 2 页");
    }
}
